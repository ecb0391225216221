package dev.modelrepo.query;

/**
 * What every DSL value has in common: it wraps one immutable node of the query AST, and equality, hash code and
 * text are the node's (two values are equal when they are of the same kind and their nodes are).
 */
abstract class AstWrapper<N> {

    final N node;

    AstWrapper(N node) {
        this.node = node;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && node.equals(((AstWrapper<?>) o).node);
    }

    @Override
    public final int hashCode() {
        return node.hashCode();
    }

    @Override
    public final String toString() {
        return node.toString();
    }
}

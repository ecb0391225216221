package dev.modelrepo.query;

import dev.modelrepo.query.internal.Ast;

/**
 * Literal SQL written by the programmer, built with {@link Q#raw} or {@link Q#rawUnchecked}: usable both as an
 * {@link Expression} and as a {@link Condition}. Immutable, with structural equality.
 */
public final class RawSql implements Expression, Condition {

    final Ast.Raw node;

    RawSql(Ast.Raw node) {
        this.node = node;
    }

    @Override
    public Expression as(String alias) {
        return new ExpressionNode(Ast.aliased(node, alias));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawSql other && node.equals(other.node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return node.toString();
    }
}

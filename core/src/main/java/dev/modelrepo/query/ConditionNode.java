package dev.modelrepo.query;

import dev.modelrepo.query.internal.Ast;

/** A {@link Condition} as the DSL builds it: one condition node of the query AST. */
final class ConditionNode implements Condition {

    final Ast.Cond node;

    ConditionNode(Ast.Cond node) {
        this.node = node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConditionNode other && node.equals(other.node);
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

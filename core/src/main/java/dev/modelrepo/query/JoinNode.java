package dev.modelrepo.query;

import dev.modelrepo.query.internal.Ast;

/** A {@link Join} as the DSL builds it: one join of the query AST. */
final class JoinNode implements Join {

    final Ast.JoinSpec node;

    JoinNode(Ast.JoinSpec node) {
        this.node = node;
    }

    @Override
    public Join on(Condition condition) {
        return new JoinNode(node.withOn(Nodes.cond(condition, "condition")));
    }

    @Override
    public Join through(String relation) {
        return new JoinNode(node.withThrough(relation));
    }

    @Override
    public Join as(String alias) {
        return new JoinNode(node.withAlias(alias));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JoinNode other && node.equals(other.node);
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

package dev.modelrepo.query;

import dev.modelrepo.query.internal.Ast;

/** An {@link Expression} as the DSL builds it: one expression node of the query AST. */
final class ExpressionNode implements Expression {

    final Ast.Expr node;

    ExpressionNode(Ast.Expr node) {
        this.node = node;
    }

    @Override
    public Expression as(String alias) {
        return new ExpressionNode(Ast.aliased(node, alias));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExpressionNode other && node.equals(other.node);
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

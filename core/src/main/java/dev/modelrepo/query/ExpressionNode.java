package dev.modelrepo.query;

import dev.modelrepo.query.internal.Ast;

/** An {@link Expression} as the DSL builds it: one expression node of the query AST. */
final class ExpressionNode extends AstWrapper<Ast.Expr> implements Expression {

    ExpressionNode(Ast.Expr node) {
        super(node);
    }

    @Override
    public Expression as(String alias) {
        return new ExpressionNode(Ast.aliased(node, alias));
    }
}

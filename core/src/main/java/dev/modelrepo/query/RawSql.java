package dev.modelrepo.query;

import dev.modelrepo.query.internal.Ast;

/**
 * Literal SQL written by the programmer, built with {@link Q#raw} or {@link Q#rawUnchecked}: usable both as an
 * {@link Expression} and as a {@link Condition}. Immutable, with structural equality.
 */
public final class RawSql extends AstWrapper<Ast.Raw> implements Expression, Condition {

    RawSql(Ast.Raw node) {
        super(node);
    }

    @Override
    public Expression as(String alias) {
        return new ExpressionNode(Ast.aliased(node, alias));
    }
}

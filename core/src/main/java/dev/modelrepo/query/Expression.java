package dev.modelrepo.query;

import dev.modelrepo.query.internal.Ast;

/**
 * A value in a query: a column ({@link Q#col}), a parameter ({@link Q#param}), an aggregate, a subquery or
 * raw SQL. Immutable, with structural equality.
 */
public interface Expression {

    /** This expression with an output name: {@code count().as("n")}. */
    default Expression as(String alias) {
        return new Ast.Aliased(this, Ast.identifier(alias, "alias"));
    }
}

package dev.modelrepo.query;

/**
 * A value in a query: a column ({@link Q#col}), a parameter ({@link Q#param}), an aggregate, a subquery or
 * raw SQL; built with {@link Q}, never implemented by an application (sealed). Immutable, with structural equality.
 */
public sealed interface Expression permits ExpressionNode, RawSql {

    /** This expression with an output name: {@code count().as("n")}. */
    Expression as(String alias);
}

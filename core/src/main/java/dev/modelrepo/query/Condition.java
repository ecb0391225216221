package dev.modelrepo.query;

/**
 * A boolean condition for {@code where}, {@code having} and join {@code on}; built with {@link Q}, never implemented
 * by an application (sealed). Immutable, with structural equality.
 */
public sealed interface Condition permits ConditionNode, RawSql {
}

package dev.modelrepo.query;

/** A boolean condition for {@code where}, {@code having} and join {@code on}; built with {@link Q}. Immutable. */
public interface Condition {
}

package dev.modelrepo.model;

import org.jspecify.annotations.Nullable;

/**
 * Converts one column between the value the database stores and the value the model holds (an enum, a
 * money type, a parsed JSON document…). Declared on a model with {@link Convert}; needs a no-argument
 * constructor. Null values are never passed in.
 *
 * @param <D> the model's (domain) type
 * @param <S> the stored type: the Java type of the column's kind (String, Long, BigDecimal…)
 */
public interface ColumnConverter<D, S> {

    /** The stored value as the model holds it (read). */
    D inflate(S stored);

    /** The model's value as the database stores it (write, and parameters compared with the column). */
    S deflate(D value);

    /** Whether a value given to {@code set} or as a parameter is the domain type (the default: any non-stored type). */
    default boolean isDomainValue(@Nullable Object value) {
        return true;
    }
}

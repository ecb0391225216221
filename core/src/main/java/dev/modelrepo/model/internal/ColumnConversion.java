package dev.modelrepo.model.internal;

import org.jspecify.annotations.Nullable;

/** How one column's values convert between the stored form and the form the model holds (a user's converter, adapted). */
public interface ColumnConversion {

    /** The stored value as the model holds it (never null). */
    Object inflate(Object stored);

    /** The model's value as the database stores it (never null). */
    Object deflate(Object value);

    /** Whether a value given to {@code set} or as a parameter is in the model's form, so it needs deflating. */
    boolean isDomainValue(@Nullable Object value);
}

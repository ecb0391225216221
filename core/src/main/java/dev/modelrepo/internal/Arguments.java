package dev.modelrepo.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/** Argument checks of the public API: a null where a value is required is an IllegalArgumentException naming it, never an NPE. */
public final class Arguments {

    private Arguments() {
    }

    /** The value, or an {@link IllegalArgumentException} "{name} must not be null". */
    public static <T> T notNull(@Nullable T value, String name) {
        Assert.notNull(value, () -> name + " must not be null");
        return value;
    }
}

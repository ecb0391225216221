package dev.modelrepo.internal;

import org.jspecify.annotations.Nullable;

/** Argument checks of the public API: a null where a value is required is an IllegalArgumentException naming it, never an NPE. */
public final class Arguments {

    private Arguments() {
    }

    /** The value, or an {@link IllegalArgumentException} "{name} must not be null". */
    public static <T> T notNull(@Nullable T value, String name) {
        // no message supplier: a capturing lambda per call is an allocation on every read and write, and where the JIT
        // does not inline its call site, a slow one (the profile of findById showed it)
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }
}

package dev.modelrepo.bulk.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * An element of a bulk call that does not fit (a wrong class, or a value its column cannot hold), by its index in the
 * caller's list. The facade raises it as its public exception.
 */
public final class MismatchedElement extends InvalidDataAccessApiUsageException {

    private static final long serialVersionUID = 1L;

    private final int index;

    MismatchedElement(String message, int index, @Nullable Throwable cause) {
        super(message, cause);
        this.index = index;
    }

    public int index() {
        return index;
    }
}

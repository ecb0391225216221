package dev.modelrepo.bulk;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * An element of a bulk operation that does not fit (with {@link TypeMismatch#ERROR}): a wrong class, or a value
 * that its column cannot hold. The message names the element's index in the list given.
 */
public class TypeMismatchException extends InvalidDataAccessApiUsageException {

    private final int index;

    public TypeMismatchException(String message, int index, @org.jspecify.annotations.Nullable Throwable cause) {
        super(message, cause);
        this.index = index;
    }

    /** The index of the offending element in the list passed to the bulk operation. */
    public int index() {
        return index;
    }
}

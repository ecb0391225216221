package dev.modelrepo.bulk.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;

/**
 * A bulk statement failed for another reason than a lock conflict: the element whose row failed (by its index in the
 * caller's list, or -1) and the range of elements the statement covered. The facade raises it as its public exception.
 */
public final class FailedStatement extends DataAccessException {

    private static final long serialVersionUID = 1L;

    private final int index;

    private final int from;

    private final int to;

    FailedStatement(String message, int index, int from, int to, DataAccessException cause) {
        super(message, cause);
        this.index = index;
        this.from = from;
        this.to = to;
    }

    public int index() {
        return index;
    }

    public int fromIndex() {
        return from;
    }

    public int toIndex() {
        return to;
    }

    /** The translated database error. */
    @Override
    public @Nullable DataAccessException getCause() {
        return (DataAccessException) super.getCause();
    }
}

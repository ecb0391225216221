package dev.modelrepo.bulk;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;

/**
 * A bulk statement failed. It wraps the translated cause (a {@code DuplicateKeyException}, say) and names the
 * element whose row failed, by its index in the list given, when it could be found; otherwise the range of
 * elements that the failed statement covered.
 */
public class BulkOperationException extends DataAccessException {

    private final int index;

    private final int from;

    private final int to;

    public BulkOperationException(String message, int index, int from, int to, DataAccessException cause) {
        super(message, cause);
        this.index = index;
        this.from = from;
        this.to = to;
    }

    /** The index of the failing element in the list given, or -1 when only the range is known. */
    public int index() {
        return index;
    }

    /** The first index of the elements the failed statement covered. */
    public int fromIndex() {
        return from;
    }

    /** One past the last index of the elements the failed statement covered. */
    public int toIndex() {
        return to;
    }

    /** The translated database error. */
    @Override
    public @Nullable DataAccessException getCause() {
        return (DataAccessException) super.getCause();
    }
}

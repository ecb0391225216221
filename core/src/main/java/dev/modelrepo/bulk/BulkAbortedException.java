package dev.modelrepo.bulk;

import org.springframework.dao.DataAccessException;

/**
 * A bulk call stopped because its {@link ProgressListener} threw (the listener's exception is the cause). Inside a
 * transaction nothing the call wrote is kept: the transaction rolls back (a joined one is marked rollback-only) and
 * the models given get their previous state back; with {@code Propagation.NOT_SUPPORTED} the chunks before stay.
 */
public class BulkAbortedException extends DataAccessException {

    private final long done;

    public BulkAbortedException(String message, long done, Throwable cause) {
        super(message, cause);
        this.done = done;
    }

    /** The elements the call had handled when its listener threw. */
    public long done() {
        return done;
    }
}

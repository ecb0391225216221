package dev.modelrepo.repository.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;

import dev.modelrepo.internal.jdbc.StreamingConnections;

/**
 * What an open {@link Cursor} holds on the database (connection, statement, result set, its own read transaction),
 * released by the cursor, its transaction's {@link CursorSynchronization} or, as the cursor's
 * {@link java.lang.ref.Cleaner} action, when the cursor was collected unclosed.
 */
// Never refers to the cursor: a Cleaner action that reached it would keep it from ever being collected.
final class CursorResources implements Runnable {

    /** Named after {@link Cursor}, the class users see in stack traces. */
    private static final Log logger = LogFactory.getLog(Cursor.class);

    enum State {
        OPEN, CLOSED, TRANSACTION_ENDED
    }

    private final DataSource dataSource;

    private final String modelName;

    /** Whether the cursor took the connection from the pool for itself; else it is a transaction's (or scope's). */
    private final boolean owned;

    private final boolean ownTransaction;

    private @Nullable Throwable openedAt;

    private @Nullable Connection connection;

    private @Nullable Statement statement;

    private @Nullable ResultSet rs;

    private @Nullable CursorSynchronization synchronization;

    private volatile State state = State.OPEN;

    CursorResources(DataSource dataSource, String modelName, boolean owned, Connection connection, Statement statement,
            ResultSet rs, boolean ownTransaction, boolean blocks) {
        this.dataSource = dataSource;
        this.modelName = modelName;
        this.owned = owned;
        this.connection = connection;
        this.statement = statement;
        this.rs = rs;
        this.ownTransaction = ownTransaction;
        // A stack captured eagerly costs a few microseconds per stream; nobody would see it with WARN off.
        this.openedAt = logger.isWarnEnabled() ? new Throwable("The stream was opened here") : null;
        if (blocks) {
            StreamingConnections.mark(connection);
        }
    }

    State state() {
        return state;
    }

    synchronized void belongTo(CursorSynchronization synchronization) {
        this.synchronization = synchronization;
    }

    /** The Cleaner's action: the cursor was collected. Does nothing when it had been closed. */
    @Override
    public void run() {
        if (state != State.OPEN) {
            return;
        }
        try {
            String message = "A stream of " + modelName + " was not closed (nor read to the end) and has been garbage-collected; "
                    + (owned ? "its connection is released now." : "its transaction releases it when it ends.")
                    + " Close every stream, with try-with-resources.";
            Throwable site = openedAt;
            if (site != null) {
                logger.warn(message, site);
            }
            else {
                logger.warn(message + " (Where it was opened is not known: WARN was off for " + Cursor.class.getName() + " then.)");
            }
        }
        catch (RuntimeException ex) {
            // a failing log backend must not keep the connection
        }
        finally {
            // Not a transaction's connection: that one may be in use on its thread right now, and its end releases it.
            if (owned) {
                release(State.CLOSED);
            }
        }
    }

    /**
     * Closes the result and the statement and releases the connection (ending the cursor's own read transaction),
     * once; {@code reason} is what a later read reports.
     */
    void release(State reason) {
        CursorSynchronization sync;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            state = reason;
            sync = synchronization;
            Connection c = connection;
            StreamingConnections.unmark(c);
            closeQuietly(rs);
            closeQuietly(statement);
            restore(c, ownTransaction);
            DataSourceUtils.releaseConnection(c, dataSource);
            connection = null;
            statement = null;
            rs = null;
            openedAt = null;
        }
        if (sync != null && reason != State.TRANSACTION_ENDED) {
            sync.forget(this);
        }
    }

    /** Ends the cursor's own read transaction. */
    static void restore(@Nullable Connection connection, boolean ownTransaction) {
        if (ownTransaction && connection != null) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            catch (SQLException ex) {
                // The pool validates the connection on return; nothing was written in this read-only cursor.
            }
        }
    }

    static void closeQuietly(@Nullable AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            }
            catch (Exception ex) {
                // closing a cursor must not hide the exception that ended it
            }
        }
    }
}

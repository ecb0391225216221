package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;


/**
 * Per Spring transaction on SQLite, around two sqlite-jdbc behaviours:
 * <ul>
 * <li>its commit and rollback BEGIN the next transaction at once while autocommit is off: the guard switches the
 * connection to DEFERRED before completion, so that BEGIN takes no write lock, and restores the mode afterwards;
 * <li>a BEGIN that fails (SQLITE_BUSY after the busy timeout) leaves the driver's autocommit flag off with no
 * transaction open, so Spring begins nothing on that pooled connection later and does not restore autocommit at
 * its end. At the transaction's first statement the guard therefore issues {@code BEGIN <mode>}: SQLite refuses it
 * inside a transaction (the normal case); otherwise it starts the missing transaction, and the guard puts the
 * connection back in autocommit mode when the transaction completes. When that BEGIN fails too, a DEFERRED
 * transaction (which takes no lock and cannot be busy) is opened instead, so that Spring's rollback finds one,
 * and the failure is a {@link CannotAcquireLockException}.
 * </ul>
 */
final class SqliteCompletionGuard implements TransactionSynchronization {

    private static final Object KEY = new Object() {
        @Override
        public String toString() {
            return "modelrepo SQLite completion guard";
        }
    };

    private final Connection connection;

    private @Nullable TransactionBeginMode previous;

    /** Whether the guard began the transaction itself, so Spring will not restore autocommit: the guard does. */
    private boolean restoreAutoCommit;

    private SqliteCompletionGuard(Connection connection) {
        this.connection = connection;
    }

    /** Registers the guard once per transaction, when modelrepo runs a statement inside one. */
    static void register(Connection connection) {
        if (TransactionSynchronizationManager.hasResource(KEY)) {
            return;
        }
        SqliteCompletionGuard guard = new SqliteCompletionGuard(connection);
        TransactionSynchronizationManager.bindResource(KEY, guard);
        TransactionSynchronizationManager.registerSynchronization(guard);
        guard.ensureBegun();
    }

    private void ensureBegun() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN " + SqliteTransactionModes.get(connection).name());
            restoreAutoCommit = true;   // no transaction was open: a failed BEGIN had left the connection so
        }
        catch (SQLException ex) {
            if (SqliteTransactionModes.alreadyInTransaction(ex)) {
                return;   // the transaction Spring began is open, as it should be
            }
            restoreAutoCommit = true;
            beginDeferred();
            throw new CannotAcquireLockException("SQLite: the transaction could not begin: " + ex.getMessage(), ex);
        }
    }

    private void beginDeferred() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN DEFERRED");
        }
        catch (SQLException ignored) {
            // Spring's rollback then fails on the missing transaction; completion still restores autocommit
        }
    }

    /** Before other synchronizations restore modes they changed (LockOperations). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeCompletion() {
        try {
            previous = SqliteTransactionModes.get(connection);
            SqliteTransactionModes.set(connection, TransactionBeginMode.DEFERRED);
        }
        catch (SQLException ex) {
            previous = null;
        }
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        try {
            if (previous != null) {
                SqliteTransactionModes.set(connection, previous);
            }
            if (restoreAutoCommit) {
                SqliteTransactionModes.restoreAutoCommit(connection);   // ends the DEFERRED transaction the driver re-began
            }
        }
        catch (SQLException ex) {
            // the connection is being returned to the pool; modelrepo repairs it when it next runs a statement on it
        }
    }
}

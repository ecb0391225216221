package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.lock.LockMode;

/**
 * Per Spring transaction on SQLite, around two sqlite-jdbc behaviours:
 * <ul>
 * <li>its commit and rollback BEGIN the next transaction at once while autocommit is off: the guard switches the
 * connection to DEFERRED before completion, so that BEGIN takes no write lock, and restores the mode afterwards;
 * <li>a BEGIN that fails (SQLITE_BUSY after the busy timeout) leaves the connection believing a transaction is
 * open: the next Spring transaction on that pooled connection would then run without one. At the transaction's
 * first statement the guard therefore issues {@code BEGIN <mode>}: SQLite refuses it inside a transaction (the
 * normal case) and starts the missing one otherwise.
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

    private @Nullable LockMode previous;

    private SqliteCompletionGuard(Connection connection) {
        this.connection = connection;
    }

    /** Registers the guard once per transaction, when modelrepo runs a statement inside one. */
    static void register(Connection connection) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || TransactionSynchronizationManager.hasResource(KEY)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(KEY, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new SqliteCompletionGuard(connection));
        ensureBegun(connection);
    }

    private static void ensureBegun(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN " + SqliteTransactionModes.get(connection).name());
        }
        catch (SQLException ex) {
            if (String.valueOf(ex.getMessage()).contains("within a transaction")) {
                return;   // the transaction Spring began is open, as it should be
            }
            throw new CannotAcquireLockException("SQLite: the transaction could not begin: " + ex.getMessage(), ex);
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
            SqliteTransactionModes.set(connection, LockMode.DEFERRED);
        }
        catch (SQLException ex) {
            previous = null;
        }
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
        if (previous != null) {
            try {
                SqliteTransactionModes.set(connection, previous);
            }
            catch (SQLException ex) {
                // the connection is being returned to the pool; its next transaction begins in the mode it has
            }
        }
    }
}

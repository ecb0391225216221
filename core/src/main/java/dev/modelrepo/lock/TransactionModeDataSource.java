package dev.modelrepo.lock;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.TransactionBeginMode;

/**
 * Hands out connections set to begin their next transaction in a lock mode (SQLite's BEGIN IMMEDIATE/EXCLUSIVE/
 * DEFERRED). As an {@link InfrastructureProxy} it binds the transaction to the target DataSource, so repository
 * calls inside find the transaction's connection as usual.
 */
final class TransactionModeDataSource extends DelegatingDataSource implements InfrastructureProxy {

    private final Dialect dialect;

    private final TransactionBeginMode mode;

    private @Nullable Connection connection;

    private @Nullable TransactionBeginMode previous;

    TransactionModeDataSource(DataSource target, Dialect dialect, TransactionBeginMode mode) {
        super(target);
        this.dialect = dialect;
        this.mode = mode;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = super.getConnection();
        previous = dialect.transactionMode(c);
        dialect.setTransactionMode(c, mode);
        connection = c;
        return c;
    }

    /** Puts the connection's mode back before it returns to the pool. */
    void restore() {
        if (connection != null && previous != null) {
            try {
                dialect.setTransactionMode(connection, previous);
            }
            catch (SQLException ex) {
                // the pool validates connections; the next transaction begins in the mode it finds
            }
        }
    }

    @Override
    public Object getWrappedObject() {
        return obtainTargetDataSource();
    }
}

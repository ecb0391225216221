package dev.modelrepo.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.dialect.ReplicationPositions;

/**
 * The primary, as {@link ReplicaRouting} fetches it: a connection fetched for a read-write Spring transaction gets a
 * {@link CommitPosition} that remembers the commit's position for read-your-writes.
 */
final class WriteTracking extends DelegatingDataSource {

    private final Supplier<@Nullable ReplicationPositions> positions;

    WriteTracking(DataSource primary, Supplier<@Nullable ReplicationPositions> positions) {
        super(primary);
        this.positions = positions;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = super.getConnection();
        if (TransactionSynchronizationManager.isSynchronizationActive() && TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            ReplicationPositions p = positions.get();
            if (p != null) {
                TransactionSynchronizationManager.registerSynchronization(new CommitPosition(connection, p));
            }
        }
        return connection;
    }
}

package dev.modelrepo.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import dev.modelrepo.dialect.ReplicationPositions;

/**
 * The read-only side of {@link ReplicaRouting}: a replica connection while the replica is usable and has the thread's
 * read-your-writes position, else a primary connection (flagged read-only), counted by reason. The position is checked
 * against what the replica is known to have replayed; only when that is not enough is the replica asked, once, on the
 * connection just fetched (a read-only transaction fetches one connection).
 */
final class ReplicaReads extends DelegatingDataSource {

    private final DataSource primary;

    private final ReplicaHealth health;

    private final ReplicaStats stats;

    private final Supplier<@Nullable ReplicationPositions> positions;

    ReplicaReads(DataSource replica, DataSource primary, ReplicaHealth health, ReplicaStats stats,
            Supplier<@Nullable ReplicationPositions> positions) {
        super(replica);
        this.primary = primary;
        this.health = health;
        this.stats = stats;
        this.positions = positions;
    }

    @Override
    public Connection getConnection() throws SQLException {
        FallbackReason unusable = health.unusable();
        if (unusable != null) {
            return fallback(unusable);
        }
        Connection connection;
        try {
            connection = super.getConnection();
        }
        catch (SQLException | RuntimeException ex) {
            health.markDown(ex);
            return fallback(FallbackReason.DOWN);
        }
        long wanted = ReadYourWrites.position();
        ReplicationPositions p = positions.get();
        if (wanted > 0 && health.replayed() < wanted && p != null) {
            FallbackReason behind = behind(connection, p, wanted);
            if (behind != null) {
                connection.close();
                return fallback(behind);
            }
        }
        stats.read();
        return connection;
    }

    /** Null when the replica has replayed {@code wanted}; else why the read goes to the primary. */
    private @Nullable FallbackReason behind(Connection connection, ReplicationPositions p, long wanted) {
        try {
            long replayed = p.replicaState(connection).replayed();
            health.observeReplayed(replayed);
            return replayed >= wanted ? null : FallbackReason.READ_YOUR_WRITES;
        }
        catch (SQLException | RuntimeException ex) {
            health.markDown(ex);
            return FallbackReason.DOWN;
        }
    }

    private Connection fallback(FallbackReason reason) throws SQLException {
        stats.fallback(reason);
        Connection connection = primary.getConnection();
        try {
            connection.setReadOnly(true);
        }
        catch (SQLException ex) {
            // a hint the driver may refuse; the transaction still only reads
        }
        return connection;
    }
}

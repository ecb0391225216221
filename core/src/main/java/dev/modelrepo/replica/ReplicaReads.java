package dev.modelrepo.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
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

    /** The replica connections handed out and not yet collected, to tell a replica's failure from the primary's. */
    private final Set<Connection> handedOut = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

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
        handedOut.add(connection);
        return connection;
    }

    /** Whether this connection came from the replica; if so the replica is marked down for its failure. */
    boolean failed(Connection connection, Exception ex) {
        if (handedOut.remove(connection)) {
            health.markDown(ex);
            return true;
        }
        return false;
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

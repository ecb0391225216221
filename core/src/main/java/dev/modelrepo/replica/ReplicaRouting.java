package dev.modelrepo.replica;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.core.InfrastructureProxy;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.ConnectionProxy;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.util.function.SingletonSupplier;

import dev.modelrepo.dialect.DialectResolver;
import dev.modelrepo.dialect.ReplicationPositions;

/**
 * A primary and its read replica behind Spring's {@link LazyConnectionDataSourceProxy}: a connection flagged read-only
 * before its first statement (a {@code @Transactional(readOnly = true)} transaction, a modelrepo read outside a
 * transaction) is fetched from the replica, every other one from the primary. A replica that is down, lags past the
 * maximum, or has not replayed the thread's {@link ReadYourWrites} position is skipped for the primary. A background
 * check (one query on each server per interval) keeps the replica's state and lag; {@link #stats()} counts what went
 * where. As an {@link InfrastructureProxy} it shares transactions with code that uses the primary DataSource itself.
 */
public class ReplicaRouting extends LazyConnectionDataSourceProxy implements InfrastructureProxy, AutoCloseable {

    private final DataSource primary;

    private final DataSource replica;

    private final ReplicaHealth health;

    private final ReplicaStats stats;

    private final ReplicaReads reads;

    private final @Nullable ScheduledExecutorService checks;

    /**
     * @param primary the DataSource writes and read-write transactions use
     * @param replica the replica's DataSource; give it a short connection timeout, a read waits for it once when it dies
     * @param maxLag the lag past which the replica is skipped; null or zero for no limit
     * @param checkInterval how often the replica's state and lag are checked in the background; null or zero for never
     *        (then only {@link #check()} does)
     */
    public ReplicaRouting(DataSource primary, DataSource replica, @Nullable Duration maxLag, @Nullable Duration checkInterval) {
        this(primary, replica, maxLag, checkInterval, SingletonSupplier.of(() -> positions(primary)));
    }

    /**
     * The primary's replication positions, from its dialect; asked on a connection of its own (not the transaction's,
     * which may be the one being fetched), null when the primary cannot tell yet (asked again next time).
     */
    private static @Nullable ReplicationPositions positions(DataSource primary) {
        try (Connection connection = primary.getConnection()) {
            DatabaseMetaData md = connection.getMetaData();
            return DialectResolver.resolve(md.getDatabaseProductName(), md.getDatabaseProductVersion(), md.getDatabaseMajorVersion(),
                    md.getDatabaseMinorVersion()).replication();
        }
        catch (SQLException ex) {
            throw new DataAccessResourceFailureException("Could not read the primary's database metadata", ex);
        }
    }

    ReplicaRouting(DataSource primary, DataSource replica, @Nullable Duration maxLag, @Nullable Duration checkInterval,
            Supplier<@Nullable ReplicationPositions> positions) {
        super(new WriteTracking(primary, positions));
        this.primary = primary;
        this.replica = replica;
        this.health = new ReplicaHealth(primary, replica, positions, maxLag);
        this.stats = new ReplicaStats(health);
        this.reads = new ReplicaReads(replica, primary, health, stats, positions);
        setReadOnlyDataSource(reads);
        try {
            positions.get();   // now, so that no transaction needs a second primary connection for it
        }
        catch (RuntimeException ex) {
            // the primary does not answer yet: the first read-write transaction or check asks again
        }
        if (checkInterval != null && !checkInterval.isZero() && !checkInterval.isNegative()) {
            this.checks = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "modelrepo-replica-check");
                thread.setDaemon(true);
                return thread;
            });
            long millis = Math.max(1, checkInterval.toMillis());
            this.checks.scheduleWithFixedDelay(this::checkQuietly, 0, millis, TimeUnit.MILLISECONDS);
        }
        else {
            this.checks = null;
        }
    }

    /** Whether this DataSource is, or wraps, a {@code ReplicaRouting}: then reads flagged read-only go to a replica. */
    public static boolean routes(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(ReplicaRouting.class);
        }
        catch (java.sql.SQLException | RuntimeException ex) {
            return false;
        }
    }

    /**
     * Whether {@code connection} of this routing DataSource came from the replica and {@code ex} says the replica lost it
     * (SQLState class 08 or 57, a connection exception): then the replica is marked down, so that a read outside a
     * transaction may run once more, on the primary.
     */
    public static boolean replicaFailed(DataSource dataSource, Connection connection, SQLException ex) {
        if (!connectionLost(ex) || !routes(dataSource)) {
            return false;
        }
        try {
            Connection target = connection instanceof ConnectionProxy proxy ? proxy.getTargetConnection() : connection;
            return dataSource.unwrap(ReplicaRouting.class).reads.failed(target, ex);
        }
        catch (SQLException | RuntimeException failure) {
            return false;
        }
    }

    private static boolean connectionLost(SQLException ex) {
        String state = ex.getSQLState();
        return ex instanceof SQLRecoverableException || ex instanceof SQLTransientConnectionException
                || ex instanceof SQLNonTransientConnectionException || (state != null && (state.startsWith("08") || state.startsWith("57")));
    }

    /** Checks the replica now (state, lag, replayed position), as the background check does. */
    public void check() {
        health.check();
    }

    private void checkQuietly() {
        try {
            health.check();
        }
        catch (RuntimeException ex) {
            // the next check tries again; a failing check already marked the replica down
        }
    }

    /** Why reads skip the replica now (its last check or read found it down or lagging), or null when they may use it. */
    public @Nullable FallbackReason skippedFor() {
        return health.unusable();
    }

    /** The replica's DataSource. */
    public DataSource replicaDataSource() {
        return replica;
    }

    /** The primary's DataSource. */
    public DataSource primaryDataSource() {
        return primary;
    }

    /** What went where, and the replica's lag. */
    public ReplicaStats stats() {
        return stats;
    }

    /** The primary DataSource, which transactions are bound to. */
    @Override
    public Object getWrappedObject() {
        return primary;
    }

    /** Stops the background check; the replica's and primary's pools are their owners' to close. */
    @Override
    public void close() {
        if (checks != null) {
            checks.shutdownNow();
        }
    }
}

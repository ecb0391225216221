package dev.modelrepo.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.ReplicationPositions;

/**
 * What the last check found of the replica: whether it answers, its lag and how far it has replayed. A check asks the
 * primary for its log position and the replica for its replayed one (one query on each); the lag is how long ago the
 * primary was at the oldest position the replica has not replayed yet, measured from the checks' own clock (so to
 * within one check interval, and without comparing two servers' clocks). Statements never query here: they read the
 * fields. A WARN is logged once per change of state (usable, down, lagging).
 */
final class ReplicaHealth {

    private static final Log logger = LogFactory.getLog(ReplicaRouting.class);

    /** Primary positions older than the replica's replay, kept to date its lag; bounded so a dead replica costs nothing. */
    private static final int MAX_SAMPLES = 4096;

    enum State { USABLE, DOWN, LAGGING }

    private record Sample(long nanos, long position) {
    }

    private final DataSource primary;

    private final DataSource replica;

    private final Supplier<@Nullable ReplicationPositions> positions;

    private final long maxLagNanos;

    private final ArrayDeque<Sample> behind = new ArrayDeque<>();

    private volatile State state = State.USABLE;

    private volatile long lagNanos;

    private volatile long maxObservedLagNanos;

    private volatile long replayed = -1;

    ReplicaHealth(DataSource primary, DataSource replica, Supplier<@Nullable ReplicationPositions> positions, @Nullable Duration maxLag) {
        this.primary = primary;
        this.replica = replica;
        this.positions = positions;
        this.maxLagNanos = maxLag == null || maxLag.isZero() || maxLag.isNegative() ? Long.MAX_VALUE : maxLag.toNanos();
    }

    /** Why reads must not go to the replica now, or null when they may. */
    @Nullable FallbackReason unusable() {
        State s = state;
        return s == State.USABLE ? null : s == State.DOWN ? FallbackReason.DOWN : FallbackReason.LAG;
    }

    long lagNanos() {
        return lagNanos;
    }

    long maxLagNanos() {
        return maxObservedLagNanos;
    }

    /** The furthest position the replica is known to have replayed; -1 when unknown. */
    long replayed() {
        return replayed;
    }

    void observeReplayed(long position) {
        if (position > replayed) {
            replayed = position;
        }
    }

    /** A read found the replica unreachable: it stays skipped until a check finds it answering again. */
    void markDown(Exception cause) {
        change(State.DOWN, cause.getMessage());
    }

    /** Checks the replica now: reachable, how far behind; one query on the primary and one on the replica. */
    synchronized void check() {
        long now = System.nanoTime();
        ReplicationPositions p = positions.get();
        long primaryPosition = -1;
        if (p != null) {
            try (Connection c = primary.getConnection()) {
                primaryPosition = p.primaryPosition(c);
            }
            catch (SQLException | RuntimeException ex) {
                logger.debug("Could not read the primary's replication position: " + ex.getMessage());
            }
        }
        ReplicationPositions.ReplicaState replicaState;
        try (Connection c = replica.getConnection()) {
            replicaState = p != null ? p.replicaState(c) : new ReplicationPositions.ReplicaState(c.isValid(5), -1);
        }
        catch (SQLException | RuntimeException ex) {
            change(State.DOWN, ex.getMessage());
            return;
        }
        observeReplayed(replicaState.replayed());
        long lag = lag(now, primaryPosition, replicaState.replayed());
        lagNanos = lag;
        if (lag > maxObservedLagNanos) {
            maxObservedLagNanos = lag;
        }
        change(lag > maxLagNanos ? State.LAGGING : State.USABLE, Duration.ofNanos(lag).toMillis() + " ms behind the primary");
    }

    private long lag(long now, long primaryPosition, long replayedPosition) {
        if (primaryPosition < 0 || replayedPosition < 0) {
            behind.clear();
            return 0;
        }
        if (behind.size() == MAX_SAMPLES) {   // check() is synchronized: the deque's only writer
            behind.removeFirst();
        }
        behind.addLast(new Sample(now, primaryPosition));
        while (!behind.isEmpty() && behind.peekFirst().position() <= replayedPosition) {
            behind.removeFirst();
        }
        return behind.isEmpty() ? 0 : now - behind.peekFirst().nanos();
    }

    private void change(State next, @Nullable String detail) {
        synchronized (behind) {
            if (state == next) {
                return;
            }
            state = next;
        }
        switch (next) {
            case DOWN -> logger.warn("The read replica is down, reads go to the primary: " + detail);
            case LAGGING -> logger.warn("The read replica lags past its maximum (" + Duration.ofNanos(maxLagNanos)
                    + "), reads go to the primary: " + detail);
            case USABLE -> logger.warn("The read replica is usable again (" + detail + "), reads go to it");
        }
    }
}

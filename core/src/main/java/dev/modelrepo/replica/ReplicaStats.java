package dev.modelrepo.replica;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link ReplicaRouting} has done: reads sent to the replica, reads sent to the primary instead (per
 * {@link FallbackReason}), and the replica's lag at its last check. Counts only grow; meters read them.
 */
public final class ReplicaStats {

    private final LongAdder reads = new LongAdder();

    private final Map<FallbackReason, LongAdder> fallbacks = new EnumMap<>(FallbackReason.class);

    private final ReplicaHealth health;

    ReplicaStats(ReplicaHealth health) {
        this.health = health;
        for (FallbackReason reason : FallbackReason.values()) {
            fallbacks.put(reason, new LongAdder());
        }
    }

    void read() {
        reads.increment();
    }

    void fallback(FallbackReason reason) {
        fallbacks.get(reason).increment();
    }

    /** Connections handed out for reads on the replica. */
    public long reads() {
        return reads.sum();
    }

    /** Connections for reads handed out on the primary instead of the replica, for this reason. */
    public long fallbacks(FallbackReason reason) {
        return fallbacks.get(reason).sum();
    }

    /** The replica's lag at its last check (zero when caught up or not known). */
    public Duration lag() {
        return Duration.ofNanos(health.lagNanos());
    }

    /** The largest lag any check has seen. */
    public Duration maxObservedLag() {
        return Duration.ofNanos(health.maxLagNanos());
    }

    @Override
    public String toString() {
        return "reads=" + reads() + ", fallbacks=" + fallbacks + ", lag=" + lag() + ", maxObservedLag=" + maxObservedLag();
    }
}

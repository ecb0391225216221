package dev.modelrepo.autoconfigure.replica;

import java.sql.SQLException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;

import dev.modelrepo.replica.FallbackReason;
import dev.modelrepo.replica.ReplicaRouting;
import dev.modelrepo.replica.ReplicaStats;

/**
 * The meters of the read replica: {@code modelrepo.replica.reads} (reads sent to the replica),
 * {@code modelrepo.replica.fallbacks} tagged {@code reason} = down, lag or read-your-writes (reads sent to the primary
 * instead), and the gauge {@code modelrepo.replica.lag} (seconds, at the last check).
 */
final class ReplicaMeterBinder implements MeterBinder {

    private final ObjectProvider<DataSource> dataSources;

    ReplicaMeterBinder(ObjectProvider<DataSource> dataSources) {
        this.dataSources = dataSources;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        dataSources.orderedStream().filter(ReplicaRouting::routes).findFirst().ifPresent((dataSource) -> {
            ReplicaStats stats = unwrap(dataSource).stats();
            FunctionCounter.builder("modelrepo.replica.reads", stats, ReplicaStats::reads)
                .description("Reads sent to the read replica")
                .register(registry);
            for (FallbackReason reason : FallbackReason.values()) {
                FunctionCounter.builder("modelrepo.replica.fallbacks", stats, (s) -> s.fallbacks(reason))
                    .description("Reads sent to the primary instead of the read replica")
                    .tag("reason", reason.tag())
                    .register(registry);
            }
            Gauge.builder("modelrepo.replica.lag", stats, (s) -> s.lag().toNanos() / 1e9)
                .description("Lag of the read replica behind the primary at its last check")
                .baseUnit("seconds")
                .register(registry);
        });
    }

    private static ReplicaRouting unwrap(DataSource dataSource) {
        try {
            return dataSource.unwrap(ReplicaRouting.class);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not unwrap the replica routing of " + dataSource, ex);
        }
    }
}

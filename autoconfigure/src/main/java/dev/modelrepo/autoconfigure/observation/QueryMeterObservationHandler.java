package dev.modelrepo.autoconfigure.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;

import dev.modelrepo.observation.QueryContext;

/**
 * Turns each finished {@code modelrepo.query} observation into meters that a timer cannot express:
 * {@code modelrepo.query.rows}, a distribution summary of the rows a statement returned or affected (tags
 * {@code operation}, {@code model}), and {@code modelrepo.conflicts}, a counter of optimistic-locking conflicts,
 * lock failures and deadlocks (tags {@code type} = optimistic, lock or deadlock, and {@code model}).
 * <p>
 * Registered in the ObservationRegistry as an ObservationHandler, and bound to the meter registry as a
 * MeterBinder (Spring Boot binds it to the composite registry when there is one, else to each registry).
 */
public class QueryMeterObservationHandler implements ObservationHandler<QueryContext>, MeterBinder {

    /** Rows returned or affected per statement. */
    public static final String ROWS = "modelrepo.query.rows";

    /** Conflicts: optimistic locking, lock not acquired, deadlock. */
    public static final String CONFLICTS = "modelrepo.conflicts";

    private final List<Meters> meters = new CopyOnWriteArrayList<>();

    @Override
    public void bindTo(MeterRegistry registry) {
        this.meters.add(new Meters(registry));
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof QueryContext;
    }

    @Override
    public void onStop(QueryContext context) {
        if (this.meters.isEmpty()) {
            return;
        }
        Throwable error = context.getError();
        if (error == null) {
            if (context.rows() >= 0) {
                Tags tags = Tags.of("operation", context.operation(), "model", context.model());
                for (Meters m : this.meters) {
                    m.rows.withTags(tags).record(context.rows());
                }
            }
            return;
        }
        String type = conflictType(error);
        if (type != null) {
            Tags tags = Tags.of("type", type, "model", context.model());
            for (Meters m : this.meters) {
                m.conflicts.withTags(tags).increment();
            }
        }
    }

    /** optimistic, lock or deadlock; null for a failure that is not a conflict. */
    static @Nullable String conflictType(Throwable error) {
        if (error instanceof OptimisticLockingFailureException) {
            return "optimistic";
        }
        if (error instanceof CannotAcquireLockException) {
            return "lock";
        }
        if (error instanceof PessimisticLockingFailureException) {
            return "deadlock";
        }
        return null;
    }

    /** The meter providers of one registry. */
    private static final class Meters {

        final Meter.MeterProvider<DistributionSummary> rows;

        final Meter.MeterProvider<Counter> conflicts;

        Meters(MeterRegistry registry) {
            this.rows = DistributionSummary.builder(ROWS)
                .description("Rows a statement returned (queries) or affected (writes)")
                .baseUnit("rows")
                .withRegistry(registry);
            this.conflicts = Counter.builder(CONFLICTS)
                .description("Statements that failed on a conflict: an optimistic-locking version mismatch (optimistic),"
                        + " a lock not acquired (lock) or a deadlock or serialization failure (deadlock)")
                .withRegistry(registry);
        }
    }
}

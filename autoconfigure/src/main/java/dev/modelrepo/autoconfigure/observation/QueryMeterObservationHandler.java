package dev.modelrepo.autoconfigure.observation;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;

import dev.modelrepo.observation.QueryContext;

/**
 * The meters of every {@code modelrepo.query} observation, held per tag set so that metrics cost a statement a few
 * hash lookups rather than a registry lookup per meter:
 * <ul>
 * <li>{@code modelrepo.query}, a timer named and tagged as the observation is (by default {@code operation},
 * {@code model}, {@code dialect}, {@code outcome}, {@code error}, {@code cache});
 * <li>{@code modelrepo.query.active}, a long task timer of the statements running now, tagged with what is known when
 * a statement starts ({@code operation}, {@code model}, {@code dialect}, {@code cache}: no outcome);
 * <li>{@code modelrepo.query.rows}, a distribution summary of the rows a statement returned or affected (tags
 * {@code operation}, {@code model});
 * <li>{@code modelrepo.conflicts}, a counter of optimistic-locking conflicts, lock failures and deadlocks (tags
 * {@code type} = optimistic, lock or deadlock, and {@code model}).
 * </ul>
 * It is a {@link MeterObservationHandler}: Spring Boot registers all of those as one
 * {@code FirstMatchingCompositeObservationHandler}, in their {@link Ordered order}, so this handler, ahead of Boot's
 * {@code DefaultMeterObservationHandler}, takes the {@link QueryContext} observations and the default handler never
 * times them a second time; tracing handlers are registered apart and still see every observation. Bound to the meter
 * registry as a {@link MeterBinder} (Spring Boot binds it to the composite registry when there is one, else to each
 * registry); a meter removed from a registry by hand is not re-created.
 */
public class QueryMeterObservationHandler implements MeterObservationHandler<QueryContext>, MeterBinder, Ordered {

    /** Rows returned or affected per statement. */
    public static final String ROWS = "modelrepo.query.rows";

    /** Conflicts: optimistic locking, lock not acquired, deadlock. */
    public static final String CONFLICTS = "modelrepo.conflicts";

    /**
     * The order of this handler among the application's observation handlers: ahead of every meter handler without
     * an order (Boot's default one has none), behind those that ask to come first.
     */
    public static final int ORDER = 0;

    /** Where a statement's start is kept in its context. */
    private static final Object RUNNING = Running.class;

    private volatile QueryMeters[] meters = new QueryMeters[0];

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        QueryMeters[] bound = Arrays.copyOf(this.meters, this.meters.length + 1);
        bound[bound.length - 1] = new QueryMeters(registry);
        this.meters = bound;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof QueryContext;
    }

    @Override
    public void onStart(QueryContext context) {
        QueryMeters[] meters = this.meters;
        if (meters.length == 0) {
            return;
        }
        LongTaskTimer.Sample[] active = new LongTaskTimer.Sample[meters.length];
        for (int i = 0; i < meters.length; i++) {
            active[i] = meters[i].active(context).start();
        }
        // our own start time: a composite registry's long task sample reports the sum of its registries' durations
        context.put(RUNNING, new Running(meters, meters[0].registry().config().clock().monotonicTime(), active));
    }

    @Override
    public void onStop(QueryContext context) {
        Running running = context.get(RUNNING);
        if (running == null) {
            return;
        }
        QueryMeters[] meters = running.meters();
        long nanos = meters[0].registry().config().clock().monotonicTime() - running.start();
        Throwable error = context.getError();
        String errorName = (error == null) ? "none" : error.getClass().getSimpleName();
        for (int i = 0; i < meters.length; i++) {
            running.active()[i].stop();
            meters[i].timer(context, errorName).record(nanos, TimeUnit.NANOSECONDS);
        }
        if (error == null) {
            if (context.rows() >= 0) {
                for (QueryMeters m : meters) {
                    m.rows(context).record(context.rows());
                }
            }
            return;
        }
        String type = conflictType(error);
        if (type != null) {
            for (QueryMeters m : meters) {
                m.conflicts(type, context.model()).increment();
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

    /** A statement under way: the registries it started in, its start and its long task samples. */
    private record Running(QueryMeters[] meters, long start, LongTaskTimer.Sample[] active) {
    }
}

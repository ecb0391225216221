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

    private final boolean longTaskTimers;

    private volatile QueryMeters[] meters = new QueryMeters[0];

    /** A handler with every meter. */
    public QueryMeterObservationHandler() {
        this(true);
    }

    /**
     * @param longTaskTimers whether to keep {@code modelrepo.query.active}; false as Boot's
     * {@code management.metrics.observations.ignored-meters=long-task-timer} asks of its own handler
     */
    public QueryMeterObservationHandler(boolean longTaskTimers) {
        this.longTaskTimers = longTaskTimers;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        QueryMeters[] bound = Arrays.copyOf(this.meters, this.meters.length + 1);
        bound[bound.length - 1] = new QueryMeters(registry, this.longTaskTimers);
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
        QueryMeters.Kind first = meters[0].kind(context);
        if (meters.length == 1 && first.timesStatements()) {
            // the usual case: one registry, whose long task sample times the statement too
            context.meterState(new Started(first, first.active().start()));
            return;
        }
        QueryMeters.Kind[] kinds = new QueryMeters.Kind[meters.length];
        LongTaskTimer.Sample[] samples = new LongTaskTimer.Sample[meters.length];
        for (int i = 0; i < meters.length; i++) {
            kinds[i] = (i == 0) ? first : meters[i].kind(context);
            LongTaskTimer active = kinds[i].active();
            samples[i] = (active != null) ? active.start() : null;
        }
        context.meterState(new Running(meters, kinds, now(meters), samples));
    }

    @Override
    public void onStop(QueryContext context) {
        Object state = context.meterState();
        Throwable error = context.getError();
        String errorName = (error == null) ? "none" : error.getClass().getSimpleName();
        if (state instanceof Started started) {
            record(this.meters[0], started.kind(), context, error, errorName, started.sample().stop());
        }
        else if (state instanceof Running running) {
            long nanos = now(running.meters()) - running.start();
            for (int i = 0; i < running.meters().length; i++) {
                LongTaskTimer.Sample sample = running.samples()[i];
                if (sample != null) {
                    sample.stop();
                }
                record(running.meters()[i], running.kinds()[i], context, error, errorName, nanos);
            }
        }
    }

    private static void record(QueryMeters meters, QueryMeters.Kind kind, QueryContext context, @Nullable Throwable error,
            String errorName, long nanos) {
        kind.timer(context, error != null, errorName).record(nanos, TimeUnit.NANOSECONDS);
        if (error == null) {
            if (context.rows() >= 0) {
                kind.rows().record(context.rows());
            }
            return;
        }
        String type = conflictType(error);
        if (type != null) {
            meters.conflicts(type, context.model()).increment();
        }
    }

    private static long now(QueryMeters[] meters) {
        return meters[0].registry().config().clock().monotonicTime();
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

    /** A statement under way in one registry, timed by its long task sample. */
    private record Started(QueryMeters.Kind kind, LongTaskTimer.Sample sample) {
    }

    /** A statement under way in several registries, or without long task timers: its own start time. */
    private record Running(QueryMeters[] meters, QueryMeters.Kind[] kinds, long start,
            LongTaskTimer.@Nullable Sample[] samples) {
    }
}

package dev.modelrepo.observation;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Wraps each statement in a {@code modelrepo.query} observation; with a no-op registry (the default) it only
 * runs the work, so metrics cost nothing when off.
 */
public final class QueryObserver {

    /** No observations. */
    public static final QueryObserver NOOP = new QueryObserver(ObservationRegistry.NOOP, null);

    private final ObservationRegistry registry;

    private final @Nullable QueryObservationConvention convention;

    public QueryObserver(ObservationRegistry registry, @Nullable QueryObservationConvention convention) {
        this.registry = registry;
        this.convention = convention;
    }

    public boolean enabled() {
        return !registry.isNoop();
    }

    /** Runs the work as one observed statement; {@code rows} turns its result into the row count. */
    public <T> T observe(String operation, String model, String dialect, String cache, String sql, Supplier<T> work,
            java.util.function.ToLongFunction<T> rows) {
        if (registry.isNoop()) {
            return work.get();
        }
        QueryContext context = new QueryContext(operation, model, dialect, cache, sql);
        Observation observation = Observation.createNotStarted(convention, DefaultQueryObservationConvention.INSTANCE,
                () -> context, registry).start();
        try (Observation.Scope scope = observation.openScope()) {
            T result = work.get();
            context.setRows(rows.applyAsLong(result));
            return result;
        }
        catch (RuntimeException | Error ex) {
            observation.error(ex);
            throw ex;
        }
        finally {
            observation.stop();
        }
    }
}

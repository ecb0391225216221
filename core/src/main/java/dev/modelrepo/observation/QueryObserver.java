package dev.modelrepo.observation;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Wraps each statement in a {@code modelrepo.query} observation; with a no-op registry (the default), or one none of
 * whose handlers takes the statement's context, it only runs the work, so metrics cost nothing when off. The statement
 * runs in the observation's scope when a handler acts on scopes (tracing); meter handlers alone need none.
 */
public final class QueryObserver {

    /** No observations. */
    public static final QueryObserver NOOP = new QueryObserver(ObservationRegistry.NOOP, null);

    private final ObservationRegistry registry;

    private final @Nullable QueryObservationConvention convention;

    private final HandlerScopes scopes;

    public QueryObserver(ObservationRegistry registry, @Nullable QueryObservationConvention convention) {
        this.registry = registry;
        this.convention = convention;
        this.scopes = new HandlerScopes(registry);
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
        HandlerScopes.Need need = scopes.need(context);
        if (need == HandlerScopes.Need.NOTHING) {
            return work.get();   // no handler takes it: the observation would record nothing
        }
        Observation observation = Observation.createNotStarted(convention, DefaultQueryObservationConvention.INSTANCE,
                () -> context, registry).start();
        try {
            T result;
            Observation.@Nullable Scope scope = (need == HandlerScopes.Need.SCOPE) ? observation.openScope() : null;
            try {
                result = work.get();
                context.setRows(rows.applyAsLong(result));
            }
            finally {
                if (scope != null) {
                    scope.close();
                }
            }
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

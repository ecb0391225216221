package dev.modelrepo.observation;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * What a registry's handlers make of one statement's context: whether any handler takes it, and whether one of those
 * acts on scopes (a tracing handler makes its span current there; meter handlers ignore scopes). With metrics alone a
 * statement then opens no scope (a thread-local swap and a concurrent-map entry per statement). The handlers are
 * Micrometer's {@code ObservationConfig} list, which it keeps package-private: found once by reflection, read live on
 * every statement (so handlers added later count); where that fails, every statement is observed with its scope.
 */
final class HandlerScopes {

    /** What a context needs. */
    enum Need {
        /** No handler takes the context: the observation would do nothing. */
        NOTHING,
        /** Handlers take it, none acts on scopes. */
        OBSERVATION,
        /** A handler that takes it acts on scopes. */
        SCOPE
    }

    /** Whether a handler class implements a scope callback (its own or an interface's default other than the no-op). */
    private static final ClassValue<Boolean> ACTS_ON_SCOPES = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (String name : List.of("onScopeOpened", "onScopeClosed", "onScopeReset")) {
                try {
                    Method method = type.getMethod(name, Observation.Context.class);
                    if (method.getDeclaringClass() != ObservationHandler.class) {
                        return true;
                    }
                }
                catch (NoSuchMethodException ex) {
                    return true;
                }
            }
            return false;
        }
    };

    private final @Nullable Collection<ObservationHandler<?>> handlers;

    HandlerScopes(ObservationRegistry registry) {
        this.handlers = handlers(registry);
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Collection<ObservationHandler<?>> handlers(ObservationRegistry registry) {
        try {
            Method getter = ObservationRegistry.ObservationConfig.class.getDeclaredMethod("getObservationHandlers");
            getter.setAccessible(true);
            return (Collection<ObservationHandler<?>>) getter.invoke(registry.observationConfig());
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            return null;
        }
    }

    /** What the registry's handlers need of this context. */
    Need need(Observation.Context context) {
        Collection<ObservationHandler<?>> all = this.handlers;
        if (all == null) {
            return Need.SCOPE;
        }
        Need need = Need.NOTHING;
        for (ObservationHandler<?> handler : all) {
            need = max(need, need(handler, context));
        }
        return need;
    }

    private static Need need(ObservationHandler<?> handler, Observation.Context context) {
        if (!handler.supportsContext(context)) {
            return Need.NOTHING;
        }
        if (handler instanceof ObservationHandler.FirstMatchingCompositeObservationHandler first) {
            for (ObservationHandler<?> member : first.getHandlers()) {
                if (member.supportsContext(context)) {
                    return need(member, context);
                }
            }
            return Need.NOTHING;
        }
        if (handler instanceof ObservationHandler.AllMatchingCompositeObservationHandler all) {
            Need need = Need.NOTHING;
            for (ObservationHandler<?> member : all.getHandlers()) {
                need = max(need, need(member, context));
            }
            return need;
        }
        return ACTS_ON_SCOPES.get(handler.getClass()) ? Need.SCOPE : Need.OBSERVATION;
    }

    private static Need max(Need a, Need b) {
        return (a.compareTo(b) >= 0) ? a : b;
    }
}

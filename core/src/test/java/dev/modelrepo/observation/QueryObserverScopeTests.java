package dev.modelrepo.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * The scope of a statement's observation is opened when a handler that takes the context acts on scopes (as tracing
 * handlers do), also inside Boot's first-matching groups, and left out when only handlers that ignore scopes (meter
 * handlers) take it; a registry none of whose handlers takes the context runs the statement unobserved.
 */
class QueryObserverScopeTests {

    private final List<String> events = new ArrayList<>();

    /** Records start and stop only, as meter handlers do. */
    private final ObservationHandler<QueryContext> meterLike = new ObservationHandler<>() {
        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof QueryContext;
        }

        @Override
        public void onStart(QueryContext context) {
            events.add("meter start " + context.getName());
        }

        @Override
        public void onStop(QueryContext context) {
            events.add("meter stop " + context.getLowCardinalityKeyValue("operation").getValue());
        }
    };

    /** Acts on scopes, as tracing handlers do. */
    private final ObservationHandler<Observation.Context> tracingLike = new ObservationHandler<>() {
        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }

        @Override
        public void onScopeOpened(Observation.Context context) {
            events.add("scope opened");
        }

        @Override
        public void onScopeClosed(Observation.Context context) {
            events.add("scope closed");
        }
    };

    private String observe(ObservationRegistry registry) {
        return new QueryObserver(registry, null).observe("select", "users", "h2", "hit", "SELECT 1", () -> {
            Observation current = registry.getCurrentObservation();
            events.add("current " + (current == null ? "none" : current.getContext().getName()));
            return "done";
        }, (r) -> 1);
    }

    @Test
    void meterHandlersAloneObserveWithoutAScope() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(
                new ObservationHandler.FirstMatchingCompositeObservationHandler(this.meterLike));
        assertThat(observe(registry)).isEqualTo("done");
        assertThat(this.events).containsExactly("meter start modelrepo.query", "current none", "meter stop select");
        assertThat(registry.getCurrentObservation()).isNull();
    }

    @Test
    void aHandlerActingOnScopesGetsTheScopeAndTheStatementRunsInIt() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(
                new ObservationHandler.FirstMatchingCompositeObservationHandler(this.meterLike));
        registry.observationConfig().observationHandler(
                new ObservationHandler.FirstMatchingCompositeObservationHandler(this.tracingLike));
        observe(registry);
        assertThat(this.events).containsExactly("meter start modelrepo.query", "scope opened",
                "current modelrepo.query", "scope closed", "meter stop select");
        assertThat(registry.getCurrentObservation()).isNull();
    }

    @Test
    void aScopeHandlerInsideAnAllMatchingGroupCountsAndOneAddedLaterToo() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(this.meterLike);
        QueryObserver observer = new QueryObserver(registry, null);
        observer.observe("select", "users", "h2", "hit", "SELECT 1", () -> 1, (n) -> n);
        assertThat(this.events).doesNotContain("scope opened");
        registry.observationConfig().observationHandler(
                new ObservationHandler.AllMatchingCompositeObservationHandler(this.tracingLike));
        observer.observe("select", "users", "h2", "hit", "SELECT 1", () -> 1, (n) -> n);
        assertThat(this.events).contains("scope opened", "scope closed");
    }

    @Test
    void aFailureClosesTheScopeBeforeTheErrorAndTheStop() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(this.tracingLike);
        registry.observationConfig().observationHandler(new ObservationHandler<QueryContext>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof QueryContext;
            }

            @Override
            public void onError(QueryContext context) {
                events.add("error " + context.errorName());
            }

            @Override
            public void onStop(QueryContext context) {
                events.add("stop " + context.getLowCardinalityKeyValue("outcome").getValue());
            }
        });
        try {
            new QueryObserver(registry, null).observe("select", "users", "h2", "hit", "SELECT 1", () -> {
                throw new IllegalStateException("boom");
            }, (n) -> 0);
        }
        catch (IllegalStateException expected) {
            this.events.add("thrown");
        }
        assertThat(this.events).containsExactly("scope opened", "scope closed", "error IllegalStateException",
                "stop error", "thrown");
        assertThat(registry.getCurrentObservation()).isNull();
    }

    @Test
    void withoutAHandlerOfTheContextTheStatementRunsUnobserved() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return !(context instanceof QueryContext);
            }

            @Override
            public void onStart(Observation.Context context) {
                events.add("other start");
            }
        });
        assertThat(observe(registry)).isEqualTo("done");
        assertThat(this.events).containsExactly("current none");
    }
}

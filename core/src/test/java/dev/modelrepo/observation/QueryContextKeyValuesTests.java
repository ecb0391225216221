package dev.modelrepo.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * {@link QueryContext#givenLowCardinalityKeyValues()}: the convention's own key values while nothing else touched
 * them, so meter handlers need not rebuild them, and null as soon as a filter or a caller changed them.
 */
class QueryContextKeyValuesTests {

    private final List<KeyValues> atStop = new ArrayList<>();

    private ObservationRegistry registry() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<QueryContext>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof QueryContext;
            }

            @Override
            public void onStop(QueryContext context) {
                atStop.add(context.givenLowCardinalityKeyValues());
                assertThat(context.givenLowCardinalityKeyValues() == null
                        || context.givenLowCardinalityKeyValues().equals(context.getLowCardinalityKeyValues())).isTrue();
            }
        });
        return registry;
    }

    @Test
    void withTheDefaultConventionTheyAreItsCachedInstanceAtStop() {
        QueryObserver observer = new QueryObserver(registry(), null);
        observer.observe("select", "users", "h2", "hit", "SELECT 1", () -> 1, n -> n);
        observer.observe("select", "users", "h2", "hit", "SELECT 1", () -> 1, n -> n);
        assertThat(atStop).hasSize(2).doesNotContainNull();
        assertThat(atStop.get(0)).isSameAs(atStop.get(1));
        assertThat(atStop.get(0)).extracting(KeyValue::getKey)
            .containsExactly("cache", "dialect", "error", "model", "operation", "outcome");
    }

    @Test
    void theSqlKeyValueIsKeptPerStatementText() {
        DefaultQueryObservationConvention convention = new DefaultQueryObservationConvention();
        KeyValues first = convention.getHighCardinalityKeyValues(new QueryContext("select", "users", "h2", "hit", "SELECT 1"));
        KeyValues again = convention.getHighCardinalityKeyValues(new QueryContext("select", "users", "h2", "hit", "SELECT 1"));
        KeyValues other = convention.getHighCardinalityKeyValues(new QueryContext("select", "users", "h2", "hit", "SELECT 2"));
        assertThat(again).isSameAs(first).containsExactly(KeyValue.of("db.query.text", "SELECT 1"));
        assertThat(other).containsExactly(KeyValue.of("db.query.text", "SELECT 2"));
    }

    @Test
    void aFilterThatAddsAKeyValueMakesThemUnknown() {
        ObservationRegistry registry = registry();
        registry.observationConfig().observationFilter((context) -> context.addLowCardinalityKeyValue(KeyValue.of("region", "eu")));
        new QueryObserver(registry, null).observe("select", "users", "h2", "hit", "SELECT 1", () -> 1, n -> n);
        assertThat(atStop).containsExactly((KeyValues) null);
    }

    @Test
    void aRemovalOrAnotherBulkAddWithOtherKeysMakesThemUnknown() {
        QueryContext context = new QueryContext("select", "users", "h2", "hit", "SELECT 1");
        KeyValues given = KeyValues.of("model", "users", "operation", "select");
        context.addLowCardinalityKeyValues(given);
        assertThat(context.givenLowCardinalityKeyValues()).isSameAs(given);
        KeyValues again = KeyValues.of("model", "users", "operation", "update");
        context.addLowCardinalityKeyValues(again);
        assertThat(context.givenLowCardinalityKeyValues()).isSameAs(again);
        context.addLowCardinalityKeyValues(KeyValues.of("tenant", "a"));
        assertThat(context.givenLowCardinalityKeyValues()).isNull();

        QueryContext removed = new QueryContext("select", "users", "h2", "hit", "SELECT 1");
        removed.addLowCardinalityKeyValues(given);
        removed.removeLowCardinalityKeyValue("model");
        assertThat(removed.givenLowCardinalityKeyValues()).isNull();
        assertThat(removed.getLowCardinalityKeyValues()).extracting(KeyValue::getKey).containsExactly("operation");
    }

    /** The same changes to a QueryContext and to Micrometer's own context read back the same, whichever getter. */
    @Test
    void heldKeyValuesReadAsMicrometersContextWouldHoldThem() {
        QueryContext ours = new QueryContext("select", "users", "h2", "hit", "SELECT 1");
        Observation.Context plain = new Observation.Context();
        KeyValues start = KeyValues.of("model", "users", "operation", "select", "outcome", "success");
        KeyValues stop = KeyValues.of("model", "users", "operation", "select", "outcome", "error");
        for (Observation.Context context : List.of(ours, plain)) {
            context.addLowCardinalityKeyValues(start);
            context.addHighCardinalityKeyValues(KeyValues.of("db.query.text", "SELECT 1"));
            context.addLowCardinalityKeyValues(stop);
        }
        assertSame(ours, plain);
        assertThat(ours.givenLowCardinalityKeyValues()).isSameAs(stop);
        assertThat(ours.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("error");
        assertThat(ours.getLowCardinalityKeyValue("tenant")).isNull();
        assertThat(ours.toString()).contains("outcome='error'").contains("db.query.text='SELECT 1'");

        for (Observation.Context context : List.of(ours, plain)) {
            context.addLowCardinalityKeyValues(KeyValues.of("operation", "update", "tenant", "a"));
            context.addHighCardinalityKeyValue(KeyValue.of("db.user", "app"));
            context.removeLowCardinalityKeyValues("model");
        }
        assertSame(ours, plain);
        assertThat(ours.givenLowCardinalityKeyValues()).isNull();
        assertThat(ours.getLowCardinalityKeyValues()).extracting(KeyValue::getKey)
            .containsExactly("operation", "outcome", "tenant");
        assertThat(ours.getHighCardinalityKeyValue("db.user").getValue()).isEqualTo("app");
    }

    private static void assertSame(Observation.Context ours, Observation.Context plain) {
        assertThat(ours.getLowCardinalityKeyValues()).isEqualTo(plain.getLowCardinalityKeyValues());
        assertThat(ours.getHighCardinalityKeyValues()).isEqualTo(plain.getHighCardinalityKeyValues());
        assertThat(ours.getAllKeyValues()).isEqualTo(plain.getAllKeyValues());
        for (KeyValue keyValue : plain.getAllKeyValues()) {
            KeyValue low = ours.getLowCardinalityKeyValue(keyValue.getKey());
            KeyValue high = ours.getHighCardinalityKeyValue(keyValue.getKey());
            assertThat(low != null ? low : high).isEqualTo(keyValue);
        }
    }
}

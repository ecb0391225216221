package dev.modelrepo.observation;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;

/** One {@code modelrepo.query} observation per statement, with exactly the documented low-cardinality tags. */
@Changelog("db/changelog/test-schema.xml")
class QueryObservationTests {

    @EngineTest
    void everyStatementIsObservedWithItsTags(TestDatabase db) {
        TestObservationRegistry registry = TestObservationRegistry.create();
        ModelRepository repo = ModelRepository.builder(db.dataSource()).observationRegistry(registry).build();
        User user = repo.build(User.class, Map.of("name", "Obs", "email", UUID.randomUUID() + "@x.test"));
        repo.save(user);
        var q = ModelQuery.from(User.class, "u").where(eq("u.id", param("id")));
        repo.list(q, Map.of("id", user.id()));
        repo.list(q, Map.of("id", user.id()));
        TestObservationRegistryAssert.assertThat(registry).hasNumberOfObservationsWithNameEqualTo("modelrepo.query", 3)
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "insert").hasLowCardinalityKeyValue("model", "users")
                        .hasLowCardinalityKeyValue("dialect", db.engine().displayName()).hasLowCardinalityKeyValue("cache", "none")
                        .hasLowCardinalityKeyValue("outcome", "success").hasLowCardinalityKeyValue("error", "none"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "select").hasLowCardinalityKeyValue("cache", "miss"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "select").hasLowCardinalityKeyValue("cache", "hit")
                        .hasHighCardinalityKeyValueWithKey("db.query.text"));
    }

    @EngineTest
    void failuresAreObservedWithTheErrorName(TestDatabase db) {
        TestObservationRegistry registry = TestObservationRegistry.create();
        ModelRepository repo = ModelRepository.builder(db.dataSource()).observationRegistry(registry).build();
        assertThatThrownBy(() -> repo.sql("SELECT * FROM no_such_table").list(Map.of())).isNotNull();
        TestObservationRegistryAssert.assertThat(registry).hasSingleObservationThat().hasLowCardinalityKeyValue("operation", "native")
                .hasLowCardinalityKeyValue("model", "none").hasLowCardinalityKeyValue("outcome", "error")
                .hasLowCardinalityKeyValue("error", "BadSqlGrammarException");
    }

    @EngineTest
    void eachObservationCarriesTheRowsReturnedOrAffected(TestDatabase db) {
        java.util.List<QueryContext> contexts = new java.util.concurrent.CopyOnWriteArrayList<>();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<QueryContext>() {
            @Override
            public void onStop(QueryContext context) {
                contexts.add(context);
            }

            @Override
            public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
                return context instanceof QueryContext;
            }
        });
        ModelRepository repo = ModelRepository.builder(db.dataSource()).observationRegistry(registry).build();
        String tag = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            repo.save(repo.build(User.class, Map.of("name", "Rows " + tag, "email", i + tag + "@x.test")));
        }
        assertThat(contexts).filteredOn(c -> c.operation().equals("insert")).hasSize(3).allSatisfy(c -> assertThat(c.rows()).isEqualTo(1));
        contexts.clear();
        var mine = ModelQuery.from(User.class, "u").where(eq("u.name", param("n")));
        repo.list(mine, Map.of("n", "Rows " + tag));
        assertThat(contexts).singleElement().satisfies(c -> assertThat(c.rows()).isEqualTo(3));
        contexts.clear();
        repo.updateWhere(mine, Map.of("name", "Rows done " + tag), Map.of("n", "Rows " + tag));
        assertThat(contexts).singleElement().satisfies(c -> {
            assertThat(c.operation()).isEqualTo("update");
            assertThat(c.rows()).isEqualTo(3);
        });
    }

    @EngineTest
    void aStaleUpdateIsObservedAsAnOptimisticLockingFailure(TestDatabase db) {
        TestObservationRegistry registry = TestObservationRegistry.create();
        ModelRepository repo = ModelRepository.builder(db.dataSource()).observationRegistry(registry).build();
        User user = repo.build(User.class, Map.of("name", "Stale", "email", UUID.randomUUID() + "@x.test"));
        repo.save(user);
        User other = repo.findById(User.class, user.id()).orElseThrow();
        other.set("name", "Fresh");
        repo.save(other);
        user.set("name", "Late");
        assertThatThrownBy(() -> repo.save(user)).isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        TestObservationRegistryAssert.assertThat(registry)
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "update").hasLowCardinalityKeyValue("outcome", "error")
                        .hasLowCardinalityKeyValue("error", "OptimisticLockingFailureException"));
        assertThatThrownBy(() -> repo.destroy(user)).isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        TestObservationRegistryAssert.assertThat(registry)
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "delete").hasLowCardinalityKeyValue("outcome", "error")
                        .hasLowCardinalityKeyValue("error", "OptimisticLockingFailureException"));
    }

    @EngineTest
    void throughAMeterHandlerTheyBecomeTimersWithoutSqlTags(TestDatabase db) {
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        ModelRepository repo = ModelRepository.builder(db.dataSource()).observationRegistry(registry).build();
        repo.count(ModelQuery.from(User.class, "u"), Map.of());
        Timer timer = meters.find("modelrepo.query").tag("operation", "select").tag("model", "users").tag("cache", "miss").timer();
        assertThat(timer).isNotNull();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.getId().getTags()).extracting(t -> t.getKey())
                .containsExactlyInAnyOrder("operation", "model", "dialect", "outcome", "error", "cache");
    }
}

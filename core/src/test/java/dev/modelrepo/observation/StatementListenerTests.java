package dev.modelrepo.observation;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/** The {@link StatementListener} hears every statement, observed or not, streams included. */
@Changelog("db/changelog/test-schema.xml")
class StatementListenerTests {

    record Heard(String operation, String model, String sql) {
    }

    @EngineTest
    void hearsEveryStatementWithoutAnyObservation(TestDatabase db) {
        List<Heard> heard = new CopyOnWriteArrayList<>();
        ModelRepository repo = ModelRepository.builder(db.dataSource())
                .statementListener((operation, model, sql) -> heard.add(new Heard(operation, model, sql)))
                .build();
        String tag = UUID.randomUUID().toString();
        repo.save(repo.build(User.class, Map.of("name", "Heard " + tag, "email", tag + "@x.test")));
        ModelQuery<User> mine = ModelQuery.from(User.class, "u").where(eq("u.name", param("n")));
        assertThat(repo.list(mine, Map.of("n", "Heard " + tag))).hasSize(1);
        try (Stream<User> users = repo.stream(mine, Map.of("n", "Heard " + tag))) {
            assertThat(users.count()).isEqualTo(1);
        }
        assertThat(repo.deleteWhere(mine, Map.of("n", "Heard " + tag))).isEqualTo(1);

        assertThat(heard).extracting(Heard::operation).containsExactly("insert", "select", "stream", "delete");
        assertThat(heard).extracting(Heard::model).containsOnly("users");
        assertThat(heard.get(1).sql()).startsWith("SELECT").isEqualTo(heard.get(2).sql());
    }

    @EngineTest
    void hearsWhatTheObservationsSeeAndWhatAPredicateFiltersOut(TestDatabase db) {
        List<String> observed = new CopyOnWriteArrayList<>();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new ObservationHandler<QueryContext>() {
            @Override
            public void onStop(QueryContext context) {
                observed.add(context.operation());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return context instanceof QueryContext;
            }
        });
        List<String> heard = new CopyOnWriteArrayList<>();
        ModelRepository repo = ModelRepository.builder(db.dataSource()).observationRegistry(registry)
                .statementListener((operation, model, sql) -> heard.add(operation))
                .build();
        repo.count(ModelQuery.from(User.class, "u"), Map.of());
        assertThatThrownBy(() -> repo.sql("SELECT * FROM no_such_table").list(Map.of())).isNotNull();
        assertThat(heard).containsExactly("select", "native").isEqualTo(observed);

        registry.observationConfig().observationPredicate((name, context) -> !name.equals("modelrepo.query"));
        repo.count(ModelQuery.from(User.class, "u"), Map.of());
        assertThat(observed).hasSize(2);
        assertThat(heard).containsExactly("select", "native", "select");
    }

    @EngineTest
    void listenersAddedOneAfterTheOtherAreAllTold(TestDatabase db) {
        List<String> told = new CopyOnWriteArrayList<>();
        ModelRepository repo = ModelRepository.builder(db.dataSource())
                .statementListener((operation, model, sql) -> told.add("first " + operation))
                .statementListener((operation, model, sql) -> told.add("second " + operation))
                .build();
        repo.count(ModelQuery.from(User.class, "u"), Map.of());
        assertThat(told).containsExactly("first select", "second select");
    }
}

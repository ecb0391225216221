package dev.modelrepo.bulk;

import static dev.modelrepo.bulk.BulkFixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;

/** Every bulk statement is one modelrepo.query observation, tagged with its bulk operation and table. */
@Changelog("db/changelog/test-schema.xml")
class BulkObservationTests {

    @EngineTest
    void bulkStatementsAreObservedWithTheirOperation(TestDatabase db) {
        TestObservationRegistry registry = TestObservationRegistry.create();
        ModelRepository repo = ModelRepository.builder(db.dataSource()).observationRegistry(registry).build();
        String tag = tag();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rows.add(user(tag + i, tag + i + "@x.test", i));
        }
        repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), rows);
        repo.bulk().upsertBulk(User.class, List.of("name", "email"), rows, List.of("email"));
        List<Map<String, Object>> ids = repo.sql("SELECT id FROM users WHERE email LIKE :t").list(Map.of("t", tag + "%"));
        repo.bulk().updateBulk(Person.class, List.of("status"), ids.stream().map(r -> Map.of("id", r.get("id"), "status", "x")).toList());
        repo.bulk().deleteBulk(Person.class, ids);
        TestObservationRegistryAssert.assertThat(registry)
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "insert-bulk").hasLowCardinalityKeyValue("model", "users")
                        .hasLowCardinalityKeyValue("outcome", "success"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "upsert").hasLowCardinalityKeyValue("model", "users"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "update-bulk").hasLowCardinalityKeyValue("model", "users"))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "delete-bulk").hasLowCardinalityKeyValue("model", "users"));
    }
}

package dev.modelrepo.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.model.Model;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * The exact SQL of every write a model goes through (save as insert and update, with and without a version, destroy,
 * upsert and its read-back, the {@code *All} operations with their key read-back and version check) on each engine,
 * compared with the statements pinned in {@code write-statements-<engine>.txt}: refactoring how writes are assembled
 * must never change what is sent.
 */
@Changelog("db/changelog/test-schema.xml")
class WriteStatementPinTests {

    @EngineTest
    void everyWriteSendsThePinnedSql(TestDatabase db) throws IOException {
        List<String> heard = new CopyOnWriteArrayList<>();
        ModelRepository repo = ModelRepository.builder(db.dataSource())
                .statementListener((operation, model, sql) -> heard.add(operation + " " + model + ": " + sql))
                .build();
        runEveryWrite(repo);
        String resource = "write-statements-" + db.engine().name().toLowerCase(java.util.Locale.ROOT) + ".txt";
        try (InputStream in = WriteStatementPinTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            assertThat(String.join("\n", heard) + "\n").isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void runEveryWrite(ModelRepository repo) {
        User user = repo.build(User.class, Map.of("name", "Pinned", "email", "pinned@x.test"));
        repo.save(user);                                    // INSERT with read-back of defaults and key
        user.set("age", 41);
        repo.save(user);                                    // UPDATE of one dirty column with the version
        Company company = repo.build(Company.class, Map.of("name", "Pinned"));
        repo.save(company);                                 // INSERT with timestamps
        company.set("industry", "pins");
        repo.save(company);                                 // UPDATE with updated_at, no version
        repo.destroy(company);                              // DELETE by key
        repo.destroy(user);                                 // DELETE by key and version

        List<User> users = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            users.add(repo.build(User.class, Map.of("name", "All " + i, "email", "all" + i + "@x.test")));
        }
        repo.bulk().insertAll(users);                       // keys and stored rows by the dialect's key method
        users.forEach(u -> u.set("age", 7));
        repo.bulk().updateAll(users);                       // row-by-row updates with versions
        repo.bulk().deleteAll(users.subList(0, 2));
        repo.bulk().updateBulk(User.class, List.of("id", "age", "lock_version"), rows(users.subList(2, 3)));
        repo.bulk().deleteBulk(User.class, List.of(Map.of("id", users.get(2).id())));
        User upserted = repo.build(User.class, Map.of("name", "Upserted", "email", "upsert@x.test"));
        repo.bulk().upsert(upserted, List.of("email"));     // upsert and the read-back by the conflict columns
        repo.bulk().deleteBulk(User.class, List.of(Map.of("id", upserted.id())));
    }

    private static List<Object> rows(List<? extends Model> models) {
        List<Object> rows = new ArrayList<>();
        for (Model m : models) {
            rows.add(Map.of("id", m.id(), "age", 8, "lock_version", m.get("lock_version")));
        }
        return rows;
    }
}

package dev.modelrepo.bulk;

import static dev.modelrepo.bulk.BulkFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * A failing row in the middle of a bulk operation rolls the whole operation back, and the error names the row's
 * index with the database's message, whatever the statement shape (COPY, arrays, multi-row, batch, per row).
 */
@Changelog("db/changelog/test-schema.xml")
class BulkFailureTests {

    /** One bulk call over ten rows, row 6 failing; batch size 4 so the failure is in the second of three statements. */
    private record Case(String name, int failing, Call call) {
    }

    @FunctionalInterface
    private interface Call {
        void run(ModelRepository repo, String tag, BulkOptions options);
    }

    private static List<Map<String, Object>> rows(String tag, int failing, boolean nullName) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> row = new HashMap<>(user(tag + "-" + i, tag + i + "@x.test", i));
            if (i == failing) {
                if (nullName) {
                    row.put("name", null);
                }
                else {
                    row.put("email", tag + 2 + "@x.test");     // duplicates row 2's unique email
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static final List<Case> CASES = List.of(
            new Case("insertBulk, NOT NULL", 6, (repo, tag, o) -> repo.bulk().insertBulk(User.class, List.of("name", "email", "age"),
                    rows(tag, 6, true), o)),
            new Case("insertBulk, duplicate key", 7, (repo, tag, o) -> repo.bulk().insertBulk(User.class, List.of("name", "email", "age"),
                    rows(tag, 7, false), o)),
            new Case("upsertBulk, NOT NULL", 5, (repo, tag, o) -> repo.bulk().upsertBulk(User.class, List.of("name", "email", "age"),
                    rows(tag, 5, true), List.of("email"), o)),
            new Case("insertAll, duplicate key", 6, (repo, tag, o) -> {
                List<User> users = new ArrayList<>();
                rows(tag, 6, false).forEach(r -> users.add(repo.build(User.class, r)));
                repo.bulk().insertAll(users, o);
            }));

    @EngineTest
    void aFailingRowRollsEverythingBackAndIsNamed(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        for (Case c : CASES) {
            String tag = tag();
            assertThatThrownBy(() -> c.call().run(repo, tag, BulkOptions.defaults().batchSize(4))).as(c.name())
                    .isInstanceOfSatisfying(BulkOperationException.class, ex -> {
                        assertThat(ex.index()).as(c.name() + ": " + ex.getMessage()).isEqualTo(c.failing());
                        assertThat(ex.getCause()).isInstanceOf(DataIntegrityViolationException.class);
                        // raised by the facade, the exception still shows where the engine found the failure
                        assertThat(ex.getStackTrace()[0].getClassName()).as(c.name()).startsWith("dev.modelrepo.bulk.internal.");
                    })
                    .hasMessageContaining("failed at element " + c.failing());
            assertThat(count(db, "email LIKE '" + tag + "%'")).as(c.name()).isZero();
        }
    }

    @EngineTest
    void updateBulkFailureLeavesEveryRowAsItWas(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        String tag = tag();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(repo.build(User.class, Map.of("name", tag + i, "email", tag + i + "@x.test")));
        }
        repo.bulk().insertAll(users);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", users.get(i).id());
            row.put("name", i == 8 ? null : "changed");
            rows.add(row);
        }
        assertThatThrownBy(() -> repo.bulk().updateBulk(Person.class, List.of("name"), rows, BulkOptions.defaults().batchSize(3)))
                .isInstanceOfSatisfying(BulkOperationException.class, ex -> assertThat(ex.index()).as(ex.getMessage()).isEqualTo(8))
                .hasMessageContaining("updateBulk of Person failed at element 8");
        assertThat(count(db, "name = 'changed'")).isZero();
    }

    @EngineTest
    void joiningTheCallersTransactionRollsBackWithIt(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        String tag = tag();
        TransactionTemplate caller = new TransactionTemplate(new JdbcTransactionManager(db.dataSource()));
        assertThatThrownBy(() -> caller.executeWithoutResult(status -> {
            repo.bulk().insertBulk(User.class, List.of("name", "email"), List.of(user(tag, tag + "@x.test", null)));
            repo.bulk().insertAll(List.of(repo.build(User.class, Map.of("name", tag, "email", tag + "b@x.test"))));
            throw new IllegalStateException("caller fails afterwards");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(count(db, "email LIKE '" + tag + "%'")).isZero();
        repo.bulk().insertBulk(User.class, List.of("name", "email"), List.of(user(tag, tag + "@x.test", null)),
                BulkOptions.defaults().ownTransaction());
        assertThat(count(db, "email LIKE '" + tag + "%'")).isEqualTo(1);
    }
}

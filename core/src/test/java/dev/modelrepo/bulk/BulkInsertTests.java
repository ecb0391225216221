package dev.modelrepo.bulk;

import static dev.modelrepo.bulk.BulkFixtures.*;
import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** insertBulk (the fast path) and insertAll (validated, hooked, keys written back) on every engine. */
@Changelog("db/changelog/test-schema.xml")
class BulkInsertTests {

    private static final LocalDateTime NOW = LocalDateTime.ofInstant(T0, ZoneOffset.UTC);

    @EngineTest
    void insertBulkStoresMapsAndModelsAndAddsTimestamps(TestDatabase db) {
        ModelRepository repo = repo(db);
        String tag = tag();
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(user(tag + "-" + i, tag + i + "@x.test", i));
        }
        rows.add(repo.build(User.class, Map.of("name", tag + "-model", "email", tag + "m@x.test", "age", 99)));
        int n = repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), rows);
        assertThat(n).isEqualTo(26);
        List<User> stored = repo.list(ModelQuery.from(User.class, "u").where(startsWith("u.name", tag)).orderBy(asc("u.age")), Map.of());
        assertThat(stored).hasSize(26);
        for (int i = 0; i < 25; i++) {
            User u = stored.get(i);
            assertThat(u.<Object>get("name")).isEqualTo(tag + "-" + i);
            assertThat(u.<Object>get("email")).isEqualTo(tag + i + "@x.test");
            assertThat(u.<Object>get("age")).isEqualTo(i);
            assertThat(u.<Object>get("status")).isEqualTo("active");        // the column's default
            assertThat(u.<Object>get("created_at")).isEqualTo(NOW);
            assertThat(u.<Object>get("updated_at")).isEqualTo(NOW);
        }
        assertThat(stored.get(25).<Object>get("name")).isEqualTo(tag + "-model");
    }

    @EngineTest
    void insertAllWritesEachModelItsOwnRow(TestDatabase db) {
        ModelRepository repo = repo(db);
        String tag = tag();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            // two column sets: every third user leaves age and status to their defaults
            users.add(i % 3 == 0 ? repo.build(User.class, Map.of("name", tag + "-" + i, "email", tag + i + "@x.test"))
                    : repo.build(User.class, Map.of("name", tag + "-" + i, "email", tag + i + "@x.test", "age", i, "status", "s" + i)));
        }
        List<User> saved = repo.bulk().insertAll(users, BulkOptions.defaults().batchSize(50));
        assertThat(saved).isSameAs(users);
        assertThat(new HashSet<>(users.stream().map(Model::id).toList())).hasSize(120);
        for (int i = 0; i < users.size(); i++) {
            User u = users.get(i);
            assertThat(u.isNew()).isFalse();
            assertThat(u.isDirty()).isFalse();
            assertThat(u.id()).isInstanceOf(Long.class);
            assertThat(u.<Object>get("status")).isEqualTo(i % 3 == 0 ? "active" : "s" + i);
            assertThat(u.<Object>get("lock_version")).isEqualTo(0);
            assertThat(u.<Object>get("created_at")).isEqualTo(NOW);
            // the row stored under this model's id is this model's row
            User fresh = repo.findById(User.class, u.id()).orElseThrow();
            assertThat(fresh.toMap()).isEqualTo(u.toMap());
            assertThat(fresh.<Object>get("name")).isEqualTo(tag + "-" + i);
        }
    }

    @EngineTest
    void insertAllMixesModelClassesAndRunsHooksAndListeners(TestDatabase db) {
        Audit audit = new Audit();
        ModelRepository repo = repo(db.dataSource(), T0, audit);
        String tag = tag();
        HookedUser a = repo.build(HookedUser.class, Map.of("name", tag + "a", "email", tag + "a@x.test"));
        Company c = repo.build(Company.class, Map.of("name", tag + "co"));
        HookedUser b = new HookedUser();
        b.set("name", tag + "b").set("email", tag + "b@x.test");
        List<Model> models = repo.bulk().insertAll(List.of(a, c, b));
        assertThat(models).allMatch(m -> !m.isNew() && m.id() != null);
        assertThat(a.calls).containsExactly("beforeInsert:true", "afterInsert:true");
        assertThat(a.<Object>get("status")).isEqualTo("hooked");
        assertThat(repo.findById(HookedUser.class, b.id()).orElseThrow().<Object>get("status")).isEqualTo("hooked");
        assertThat(repo.findById(Company.class, c.id()).orElseThrow().<Object>get("name")).isEqualTo(tag + "co");
        assertThat(audit.entries).containsExactly("beforeInsert " + tag + "a", "beforeInsert " + tag + "co", "beforeInsert " + tag + "b",
                "afterInsert " + tag + "a true", "afterInsert " + tag + "co true", "afterInsert " + tag + "b true");
    }

    @EngineTest
    void insertAllValidatesEveryModelBeforeWritingAny(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        String tag = tag();
        List<ValidatedUser> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(repo.build(ValidatedUser.class, Map.of("name", i == 2 || i == 4 ? " " : tag + i, "email", tag + i + "@x.test")));
        }
        assertThatThrownBy(() -> repo.bulk().insertAll(users)).isInstanceOfSatisfying(BulkValidationException.class, ex -> {
            assertThat(ex.errorsByIndex()).containsOnlyKeys(2, 4);
            assertThat(ex.errors()).containsEntry("name", List.of("Name is required"));
        }).hasMessageContaining("ValidatedUser at index 2").hasMessageContaining("Name is required").hasMessageContaining("index 4");
        assertThat(count(db, "email LIKE '" + tag + "%'")).isZero();
        assertThat(users).allMatch(Model::isNew);
        assertThat(users.get(0).id()).isNull();
    }

    @EngineTest
    void insertAllRestoresTheModelsWhenTheInsertFails(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        String tag = tag();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(repo.build(User.class, Map.of("name", tag + i, "email", tag + (i == 3 ? 1 : i) + "@x.test")));
        }
        assertThatThrownBy(() -> repo.bulk().insertAll(users)).isInstanceOf(BulkOperationException.class);
        assertThat(count(db, "email LIKE '" + tag + "%'")).isZero();
        assertThat(users).allMatch(u -> u.isNew() && u.id() == null && u.get("created_at") == null);
    }

    @EngineTest
    void unknownColumnsFailBeforeAnySql(TestDatabase db) {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.create(counting);
        repo.registry().table(User.class);
        counting.reset();
        List<Map<String, Object>> rows = List.of(user("x", "x@x.test", 1));
        assertThatThrownBy(() -> repo.bulk().insertBulk(User.class, List.of("name", "nmae"), rows))
                .isInstanceOf(UnknownColumnException.class).hasMessageContaining("User").hasMessageContaining("'nmae'")
                .hasMessageContaining("lock_version");
        assertThatThrownBy(() -> repo.bulk().updateBulk(User.class, List.of("agee"), rows)).isInstanceOf(UnknownColumnException.class);
        assertThatThrownBy(() -> repo.bulk().upsertBulk(User.class, List.of("name"), rows, List.of("mail")))
                .isInstanceOf(UnknownColumnException.class).hasMessageContaining("'mail'");
        assertThat(counting.statements()).isEmpty();
    }

    @EngineTest
    void insertBulkTypeMismatchRaisesOrSkips(TestDatabase db) {
        ModelRepository repo = repo(db);
        String tag = tag();
        Company company = repo.build(Company.class, Map.of("name", "not a user"));
        List<Object> rows = List.of(user(tag + "0", tag + "0@x.test", 1), company, user(tag + "2", tag + "2@x.test", 2),
                user(tag + "3", tag + "3@x.test", null));
        assertThatThrownBy(() -> repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), rows))
                .isInstanceOfSatisfying(TypeMismatchException.class, ex -> assertThat(ex.index()).isEqualTo(1))
                .hasMessageContaining("element 1").hasMessageContaining(Company.class.getName());
        List<Object> badValue = List.of(user(tag + "a", tag + "a@x.test", 1), Map.of("name", tag + "b", "age", "old"));
        assertThatThrownBy(() -> repo.bulk().insertBulk(User.class, List.of("name", "age"), badValue))
                .isInstanceOfSatisfying(TypeMismatchException.class, ex -> assertThat(ex.index()).isEqualTo(1))
                .hasMessageContaining("element 1, column age").hasMessageContaining("\"old\" is not an integer");
        assertThat(repo.count(ModelQuery.from(User.class, "u").where(startsWith("u.name", tag)), Map.of())).isZero();
        BulkOptions skip = BulkOptions.defaults().onTypeMismatch(TypeMismatch.SKIP);
        assertThat(repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), rows, skip)).isEqualTo(3);
        assertThat(repo.bulk().insertBulk(User.class, List.of("name", "age"), badValue, skip)).isEqualTo(1);
        assertThat(repo.count(ModelQuery.from(User.class, "u").where(startsWith("u.name", tag)), Map.of())).isEqualTo(4);
    }
}

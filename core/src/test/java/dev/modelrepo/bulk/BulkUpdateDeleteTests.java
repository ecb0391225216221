package dev.modelrepo.bulk;

import static dev.modelrepo.bulk.BulkFixtures.*;
import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;

import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.model.FrozenModelException;
import dev.modelrepo.model.Model;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** updateAll / updateBulk / deleteAll / deleteBulk on every engine. */
@Changelog("db/changelog/test-schema.xml")
class BulkUpdateDeleteTests {

    private static List<User> users(ModelRepository repo, String tag, int n) {
        List<User> users = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            users.add(repo.build(User.class, Map.of("name", tag + "-" + i, "email", tag + i + "@x.test", "age", i)));
        }
        return repo.bulk().insertAll(users);
    }

    private static List<User> stored(ModelRepository repo, String tag) {
        return repo.list(ModelQuery.from(User.class, "u").where(startsWith("u.email", tag)).orderBy(asc("u.id")), Map.of());
    }

    @EngineTest
    void updateBulkWritesTheColumnsButNeverTheKeyOrCreatedAt(TestDatabase db) {
        String tag = tag();
        List<User> users = users(repo(db), tag, 30);
        ModelRepository later = repo(db.dataSource(), T1);
        List<Object> originalIds = users.stream().map(Model::id).map(Object.class::cast).toList();
        for (User u : users) {
            u.set("name", u.get("name") + "*").set("age", u.<Integer>get("age") + 100)
                    .set("created_at", LocalDateTime.of(1999, 1, 1, 0, 0)).set("status", "not written");
        }
        int n = later.bulk().updateBulk(User.class, List.of("id", "name", "age", "created_at"), users);
        assertThat(n).isEqualTo(30);
        List<User> fresh = stored(later, tag);
        for (int i = 0; i < 30; i++) {
            User f = fresh.get(i);
            assertThat(f.id()).isEqualTo(originalIds.get(i));
            assertThat(f.<Object>get("name")).isEqualTo(tag + "-" + i + "*");
            assertThat(f.<Object>get("age")).isEqualTo(i + 100);
            assertThat(f.<Object>get("status")).isEqualTo("active");
            assertThat(f.<Object>get("created_at")).isEqualTo(LocalDateTime.ofInstant(T0, ZoneOffset.UTC));
            assertThat(f.<Object>get("updated_at")).isEqualTo(LocalDateTime.ofInstant(T1, ZoneOffset.UTC));
            assertThat(f.<Object>get("lock_version")).isEqualTo(1);
            // the model got the new version and updated_at, so it can be saved again
            assertThat(users.get(i).<Object>get("lock_version")).isEqualTo(1);
            assertThat(users.get(i).<Object>get("updated_at")).isEqualTo(f.get("updated_at"));
        }
        users.get(0).set("age", 7);
        later.save(users.get(0));
        assertThat(later.findById(User.class, users.get(0).id()).orElseThrow().<Object>get("age")).isEqualTo(7);
    }

    @EngineTest
    void updateBulkTypeMismatchRaisesOrSkips(TestDatabase db) {
        ModelRepository repo = repo(db);
        String tag = tag();
        List<User> users = users(repo, tag, 2);
        Company company = repo.build(Company.class, Map.of("name", "co"));
        users.forEach(u -> u.set("name", "renamed-" + tag));
        List<Object> mixed = List.of(users.get(0), company, users.get(1));
        assertThatThrownBy(() -> repo.bulk().updateBulk(User.class, List.of("name", "age"), mixed))
                .isInstanceOfSatisfying(TypeMismatchException.class, ex -> assertThat(ex.index()).isEqualTo(1))
                .hasMessageContaining("updateBulk of User").hasMessageContaining("element 1").hasMessageContaining("Company");
        assertThat(repo.count(ModelQuery.from(User.class, "u").where(eq("u.name", "renamed-" + tag)), Map.of())).isZero();
        int n = repo.bulk().updateBulk(User.class, List.of("name", "age"), mixed, BulkOptions.defaults().onTypeMismatch(TypeMismatch.SKIP));
        assertThat(n).isEqualTo(2);
        assertThat(repo.count(ModelQuery.from(User.class, "u").where(eq("u.name", "renamed-" + tag)), Map.of())).isEqualTo(2);
    }

    @EngineTest
    void updateBulkReportsRowsWhoseVersionMovedOnAndOverwritesNothing(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        String tag = tag();
        List<User> users = users(repo, tag, 5);
        exec(db, "UPDATE users SET name = 'concurrent', lock_version = lock_version + 1 WHERE id = " + users.get(3).id());
        users.forEach(u -> u.set("age", 42));
        assertThatThrownBy(() -> repo.bulk().updateBulk(User.class, List.of("age"), users))
                .isInstanceOf(OptimisticLockingFailureException.class).hasMessageContaining("updateBulk of User")
                .hasMessageContaining("lock_version").hasMessageContaining("[" + users.get(3).id() + "]");
        assertThat(count(db, "email LIKE '" + tag + "%' AND age = 42")).isZero();
        assertThat(users.get(0).<Object>get("lock_version")).isEqualTo(0);
        assertThat(repo.findById(User.class, users.get(3).id()).orElseThrow().<Object>get("name")).isEqualTo("concurrent");
    }

    @EngineTest
    void updateBulkOfMapsWithoutVersioning(TestDatabase db) {
        ModelRepository repo = repo(db);
        String tag = tag();
        List<User> users = users(repo, tag, 3);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (User u : users) {
            rows.add(Map.of("id", u.id(), "status", "mapped"));
        }
        rows.add(Map.of("id", -1L, "status", "nobody"));
        assertThat(repo.bulk().updateBulk(Person.class, List.of("status"), rows)).isEqualTo(3);
        assertThat(stored(repo, tag)).allMatch(u -> "mapped".equals(u.get("status")) && Integer.valueOf(0).equals(u.get("lock_version")));
    }

    @EngineTest
    void updateAllSavesDirtyColumnsWithHooksAndVersionChecks(TestDatabase db) throws SQLException {
        Audit audit = new Audit();
        ModelRepository repo = repo(db.dataSource(), T0, audit);
        String tag = tag();
        List<User> users = users(repo, tag, 3);
        exec(db, "UPDATE users SET status = 'other' WHERE id = " + users.get(0).id());
        users.get(0).set("age", 10);
        users.get(2).set("name", tag + "-renamed");
        audit.entries.clear();
        repo.bulk().updateAll(users);
        List<User> fresh = stored(repo, tag);
        assertThat(fresh.get(0).<Object>get("age")).isEqualTo(10);
        assertThat(fresh.get(0).<Object>get("status")).isEqualTo("other");     // only dirty columns are written
        assertThat(fresh.get(0).<Object>get("lock_version")).isEqualTo(1);
        assertThat(fresh.get(1).<Object>get("lock_version")).isEqualTo(0);     // nothing dirty: nothing written
        assertThat(fresh.get(2).<Object>get("name")).isEqualTo(tag + "-renamed");
        assertThat(audit.entries).containsExactly("afterUpdate " + tag + "-0", "afterUpdate " + tag + "-renamed");
        exec(db, "UPDATE users SET lock_version = 9 WHERE id = " + users.get(2).id());
        users.get(0).set("age", 11);
        users.get(2).set("age", 12);
        assertThatThrownBy(() -> repo.bulk().updateAll(users)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(repo.findById(User.class, users.get(0).id()).orElseThrow().<Object>get("age")).isEqualTo(10);   // rolled back
        assertThat(users.get(0).<Object>get("lock_version")).isEqualTo(1);                                            // restored
        assertThat(users.get(0).dirtyColumns()).contains("age");
    }

    @EngineTest
    void deleteBulkDeletesByKeyAndFreezesTheModels(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        String tag = tag();
        List<User> users = users(repo, tag, 12);
        List<Object> doomed = new ArrayList<>(users.subList(0, 7));
        doomed.add(2, repo.build(Company.class, Map.of("name", "x")));
        assertThatThrownBy(() -> repo.bulk().deleteBulk(User.class, doomed)).isInstanceOfSatisfying(TypeMismatchException.class,
                ex -> assertThat(ex.index()).isEqualTo(2));
        assertThat(count(db, "email LIKE '" + tag + "%'")).isEqualTo(12);
        int n = repo.bulk().deleteBulk(User.class, doomed, BulkOptions.defaults().batchSize(3).onTypeMismatch(TypeMismatch.SKIP));
        assertThat(n).isEqualTo(7);
        assertThat(stored(repo, tag)).extracting(Model::id).containsExactlyElementsOf(users.subList(7, 12).stream().map(Model::id).toList());
        assertThat(users.get(0).isFrozen()).isTrue();
        assertThatThrownBy(() -> users.get(0).set("age", 1)).isInstanceOf(FrozenModelException.class);
        assertThat(repo.bulk().deleteBulk(User.class, List.of(Map.of("id", users.get(7).id()), Map.of("id", -5L)))).isEqualTo(1);
    }

    @EngineTest
    void deleteAllDestroysWithCascadeAndHooks(TestDatabase db) {
        ModelRepository repo = repo(db);
        String tag = tag();
        List<Company> companies = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Company company = repo.build(Company.class, Map.of("name", tag + c));
            repo.save(company);
            Department d = repo.build(Department.class, Map.of("name", tag + "d" + c, "company_id", company.id()));
            repo.save(d);
            repo.save(repo.build(Employee.class, Map.of("name", tag + "e" + c, "department_id", d.id())));
            companies.add(company);
        }
        repo.bulk().deleteAll(companies, Cascade.ALL);
        assertThat(companies).allMatch(Model::isFrozen);
        assertThat(repo.count(ModelQuery.from(Employee.class, "e").where(startsWith("e.name", tag)), Map.of())).isZero();
        assertThat(repo.count(ModelQuery.from(Company.class, "c").where(startsWith("c.name", tag)), Map.of())).isZero();
        HookedUser hooked = repo.build(HookedUser.class, Map.of("name", tag, "email", tag + "@x.test"));
        repo.save(hooked);
        hooked.calls.clear();
        repo.bulk().updateAll(List.of(hooked));            // clean: no hooks, as save
        assertThat(hooked.calls).isEmpty();
        repo.bulk().deleteAll(List.of(hooked));
        assertThat(hooked.calls).containsExactly("beforeDelete", "afterDelete");
    }
}

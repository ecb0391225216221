package dev.modelrepo.repository;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;

import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.model.FrozenModelException;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelListener;
import dev.modelrepo.model.ModelValidationException;
import dev.modelrepo.model.Table;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** save / validate / hooks / destroy / cascade and writes by query, on every engine (the guide's examples). */
@Changelog("db/changelog/test-schema.xml")
class ModelWriteTests {

    static final Instant T0 = Instant.parse("2025-03-04T05:06:07.123456789Z");

    private static ModelRepository repo(TestDatabase db, Clock clock, ModelListener... listeners) {
        return ModelRepository.builder(db.dataSource()).clock(clock).listeners(List.of(listeners)).build();
    }

    private static ModelRepository repo(TestDatabase db) {
        return repo(db, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static String email() {
        return UUID.randomUUID() + "@example.test";
    }

    private static Object scalar(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    private static void exec(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @EngineTest
    void buildSaveAndReadBackWithKeyDefaultsAndTimestamps(TestDatabase db) {
        ModelRepository repo = repo(db);
        String email = email();
        User user = repo.build(User.class, Map.of("name", "Taro", "email", email));
        assertThat(user.isNew()).isTrue();
        assertThat(user.dirtyColumns()).containsExactly("name", "email");
        assertThat(repo.save(user)).isTrue();
        assertThat(user.isNew()).isFalse();
        assertThat(user.isDirty()).isFalse();
        assertThat(user.id()).isInstanceOf(Long.class);
        assertThat(user.<Object>get("status")).isEqualTo("active");
        assertThat(user.<Object>get("is_active")).isEqualTo(true);
        assertThat(user.<Object>get("lock_version")).isEqualTo(0);
        assertThat(user.<Object>get("age")).isNull();
        LocalDateTime created = user.get("created_at");
        assertThat(created).isCloseTo(LocalDateTime.ofInstant(T0, ZoneOffset.UTC), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MICROS));
        User fresh = repo.findById(User.class, user.id()).orElseThrow();
        assertThat(user.toMap()).isEqualTo(fresh.toMap());
    }

    @EngineTest
    void aPlainNewModelIsCheckedWhenSaved(TestDatabase db) {
        ModelRepository repo = repo(db);
        User plain = new User();
        plain.set("name", "Plain").set("email", email());
        assertThat(repo.save(plain)).isTrue();
        assertThat(repo.findById(User.class, plain.id())).isPresent();
        User bad = new User();
        bad.set("nmae", "typo");
        assertThatThrownBy(() -> repo.save(bad)).isInstanceOf(UnknownColumnException.class).hasMessageContaining("User")
                .hasMessageContaining("'nmae'").hasMessageContaining("lock_version");
        User built = repo.build(User.class, Map.of("name", "x"));
        assertThatThrownBy(() -> built.set("nmae", "typo")).isInstanceOf(UnknownColumnException.class).hasMessageContaining("'nmae'");
        assertThatThrownBy(() -> built.set("age", "old")).hasMessageContaining("User.age").hasMessageContaining("java.lang.Integer");
    }

    @EngineTest
    void updateWritesOnlyDirtyColumns(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        User user = repo.build(User.class, Map.of("name", "Before", "email", email(), "age", 30));
        repo.save(user);
        User loaded = repo.findById(User.class, user.id()).orElseThrow();
        exec(db, "UPDATE users SET age = 99 WHERE id = " + user.id());    // a concurrent change of another column
        loaded.set("name", "After");
        assertThat(loaded.dirtyColumns()).containsExactly("name");
        repo.save(loaded);
        User fresh = repo.findById(User.class, user.id()).orElseThrow();
        assertThat(fresh.<Object>get("name")).isEqualTo("After");
        assertThat(fresh.<Object>get("age")).isEqualTo(99);   // not overwritten: age was not dirty
        assertThat(loaded.isDirty()).isFalse();
    }

    @EngineTest
    void saveWithNothingDirtyWritesNothing(TestDatabase db) throws SQLException {
        ModelRepository first = repo(db);
        User user = first.build(User.class, Map.of("name", "Still", "email", email()));
        first.save(user);
        ModelRepository later = repo(db, Clock.fixed(T0.plusSeconds(3600), ZoneOffset.UTC));
        User loaded = later.findById(User.class, user.id()).orElseThrow();
        assertThat(later.save(loaded)).isTrue();
        assertThat(later.findById(User.class, user.id()).orElseThrow().<Object>get("updated_at")).isEqualTo(user.get("updated_at"));
        loaded.set("age", 5);
        later.save(loaded);
        LocalDateTime updated = later.findById(User.class, user.id()).orElseThrow().get("updated_at");
        assertThat(updated).isAfter(user.<LocalDateTime>get("updated_at"));
        assertThat(loaded.<Object>get("updated_at")).isEqualTo(updated);
    }

    /** A user whose validate() requires a name and an email. */
    @Table(name = "users", version = "lock_version")
    public static class ValidatedUser extends Model {
        @Override
        protected void validate() {
            if (get("name") == null || get("name", String.class).isBlank()) {
                addError("name", "Name is required");
            }
            if (get("email") == null) {
                addError("email", "Email is required");
            }
        }
    }

    @EngineTest
    void validationErrorsStopTheSave(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        long before = ((Number) scalar(db, "SELECT COUNT(*) FROM users")).longValue();
        ValidatedUser invalid = repo.build(ValidatedUser.class, Map.of("name", " "));
        assertThat(repo.save(invalid)).isFalse();
        assertThat(invalid.hasErrors()).isTrue();
        assertThat(invalid.errors()).containsEntry("name", List.of("Name is required")).containsEntry("email", List.of("Email is required"));
        assertThatThrownBy(() -> repo.saveOrThrow(invalid)).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("ValidatedUser").hasMessageContaining("Name is required");
        assertThat(((Number) scalar(db, "SELECT COUNT(*) FROM users")).longValue()).isEqualTo(before);
        invalid.set("name", "Fixed").set("email", email());
        assertThat(repo.save(invalid)).isTrue();
        assertThat(invalid.hasErrors()).isFalse();
    }

    /** A user that records its hooks. */
    @Table(name = "users")
    public static class HookedUser extends Model {
        final List<String> calls = new ArrayList<>();

        @Override
        protected void beforeInsert() {
            calls.add("beforeInsert");
            set("status", "hooked");
        }

        @Override
        protected void afterInsert() {
            calls.add("afterInsert:" + (id() != null));
        }

        @Override
        protected void beforeUpdate() {
            calls.add("beforeUpdate");
        }

        @Override
        protected void afterUpdate() {
            calls.add("afterUpdate");
        }

        @Override
        protected void beforeDelete() {
            calls.add("beforeDelete");
        }

        @Override
        protected void afterDelete() {
            calls.add("afterDelete:" + isFrozen());
        }
    }

    /** The auditing example: one listener sees every write of every model. */
    static final class AuditLog implements ModelListener {
        final List<String> entries = new ArrayList<>();

        @Override
        public void afterInsert(Model model) {
            entries.add("insert " + model.getClass().getSimpleName() + " " + model.id());
        }

        @Override
        public void afterUpdate(Model model) {
            entries.add("update " + model.getClass().getSimpleName() + " " + model.dirtyColumns());
        }

        @Override
        public void afterDelete(Model model) {
            entries.add("delete " + model.getClass().getSimpleName() + " " + model.id());
        }
    }

    @EngineTest
    void hooksAndListenersRunAroundEveryWrite(TestDatabase db) {
        AuditLog audit = new AuditLog();
        ModelRepository repo = repo(db, Clock.systemUTC(), audit);
        HookedUser user = repo.build(HookedUser.class, Map.of("name", "Hook", "email", email()));
        repo.save(user);
        assertThat(user.<Object>get("status")).isEqualTo("hooked");
        user.set("age", 3);
        repo.save(user);
        repo.destroy(user);
        assertThat(user.calls).containsExactly("beforeInsert", "afterInsert:true", "beforeUpdate", "afterUpdate", "beforeDelete",
                "afterDelete:true");
        assertThat(audit.entries).containsExactly("insert HookedUser " + user.id(), "update HookedUser []", "delete HookedUser " + user.id());
        // HookedUser declares no version column: its updates leave lock_version alone, as the guide says
        assertThat(user.<Object>get("lock_version")).isEqualTo(0);
    }

    @EngineTest
    void optimisticLockingRejectsAStaleUpdate(TestDatabase db) {
        ModelRepository repo = repo(db);
        User created = repo.build(User.class, Map.of("name", "Post", "email", email()));
        repo.save(created);
        User first = repo.findById(User.class, created.id()).orElseThrow();
        User second = repo.findById(User.class, created.id()).orElseThrow();
        first.set("name", "Updated by user 1");
        repo.save(first);
        assertThat(first.<Object>get("lock_version")).isEqualTo(1);
        second.set("name", "Updated by user 2");
        assertThatThrownBy(() -> repo.save(second)).isInstanceOf(OptimisticLockingFailureException.class)
                .hasMessageContaining("User").hasMessageContaining("id=" + created.id()).hasMessageContaining("lock_version");
        assertThat(repo.findById(User.class, created.id()).orElseThrow().<Object>get("name")).isEqualTo("Updated by user 1");
        assertThatThrownBy(() -> repo.destroy(second)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @EngineTest
    void aDestroyedModelIsFrozen(TestDatabase db) {
        ModelRepository repo = repo(db);
        User user = repo.build(User.class, Map.of("name", "Gone", "email", email()));
        repo.save(user);
        repo.destroy(user);
        assertThat(user.isFrozen()).isTrue();
        assertThat(repo.findById(User.class, user.id())).isEmpty();
        assertThatThrownBy(() -> user.set("name", "x")).isInstanceOf(FrozenModelException.class).hasMessageContaining("User")
                .hasMessageContaining("frozen");
        assertThatThrownBy(() -> repo.save(user)).isInstanceOf(FrozenModelException.class);
        assertThatThrownBy(() -> repo.destroy(user)).isInstanceOf(FrozenModelException.class);
    }

    private static Company company(ModelRepository repo, String name, int departments, int employeesEach) {
        Company company = repo.build(Company.class, Map.of("name", name));
        repo.save(company);
        for (int d = 0; d < departments; d++) {
            Department department = repo.build(Department.class, Map.of("name", name + "-d" + d, "company_id", company.id()));
            repo.save(department);
            for (int e = 0; e < employeesEach; e++) {
                repo.save(repo.build(Employee.class, Map.of("name", name + "-e" + d + e, "department_id", department.id())));
            }
        }
        return company;
    }

    @EngineTest
    void cascadeDeletesChildrenAndGrandChildren(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        Company doomed = company(repo, "Doomed" + UUID.randomUUID().toString().substring(0, 6), 2, 3);
        Company kept = company(repo, "Kept" + UUID.randomUUID().toString().substring(0, 6), 1, 2);
        repo.destroy(doomed, Cascade.ALL);
        assertThat(doomed.isFrozen()).isTrue();
        assertThat(repo.count(ModelQuery.from(Department.class, "d").where(eq("d.company_id", doomed.id())), Map.of())).isZero();
        assertThat(repo.count(ModelQuery.from(Employee.class, "e").where(startsWith("e.name", doomed.get("name", String.class))), Map.of())).isZero();
        assertThat(repo.count(ModelQuery.from(Employee.class, "e").where(startsWith("e.name", kept.get("name", String.class))), Map.of())).isEqualTo(2);
    }

    @EngineTest
    void cascadeLoadsChildrenWhenListenersMustSeeThem(TestDatabase db) {
        AuditLog audit = new AuditLog();
        ModelRepository repo = repo(db, Clock.systemUTC(), audit);
        Company company = company(repo, "Audited" + UUID.randomUUID().toString().substring(0, 6), 2, 1);
        audit.entries.clear();
        repo.destroy(company, Cascade.ALL);
        assertThat(audit.entries).hasSize(5).last().isEqualTo("delete Company " + company.id());
        assertThat(audit.entries.stream().filter(e -> e.startsWith("delete Employee"))).hasSize(2);
        assertThat(audit.entries.stream().filter(e -> e.startsWith("delete Department"))).hasSize(2);
    }

    /** Employees without maintained timestamps: every column is stored exactly as bound, except created_at. */
    @Table(name = "employees", createdAt = "", updatedAt = "")
    public static class PlainEmployee extends Model {
    }

    @EngineTest
    void onlyWhatTheDatabaseMayChangeIsReadBack(TestDatabase db) {
        var counter = new dev.modelrepo.fixtures.CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.builder(counter).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        repo.registry().table(PlainEmployee.class);
        counter.reset();
        PlainEmployee e = repo.build(PlainEmployee.class, Map.of("name", "Exact", "email", email(), "salary", 50_000,
                "hired_on", java.time.LocalDate.of(2024, 2, 29), "created_at", LocalDateTime.of(2025, 1, 2, 3, 4, 5, 123_456_789)));
        repo.save(e);
        // the key, the default (active) and the timestamp (rounded to the column) come back; name, salary, date do not
        assertThat(counter.statements()).hasSize(1);
        String insert = counter.statements().get(0).toLowerCase(java.util.Locale.ROOT);
        String readBack = insert.contains("final table") ? insert.substring(0, insert.indexOf(" from final table"))
                : insert.substring(insert.indexOf(" returning "));
        assertThat(readBack).contains("id").contains("active").contains("created_at").doesNotContain("salary").doesNotContain("hired_on");
        PlainEmployee stored = repo.findById(PlainEmployee.class, e.id()).orElseThrow();
        assertThat(e.toMap()).isEqualTo(stored.toMap());

        counter.reset();
        e.set("salary", 60_000).set("name", "Still exact");
        repo.save(e);
        // integers and variable-length text are stored as bound: one plain UPDATE, nothing read back
        assertThat(counter.statements()).hasSize(1);
        assertThat(counter.statements().get(0)).startsWith("UPDATE").doesNotContainIgnoringCase("RETURNING");
        assertThat(e.toMap()).isEqualTo(repo.findById(PlainEmployee.class, e.id()).orElseThrow().toMap());

        counter.reset();
        e.set("created_at", LocalDateTime.of(2025, 6, 7, 8, 9, 10, 987_654_321));
        repo.save(e);
        // a timestamp is rounded or truncated to the column: read back (RETURNING, FINAL TABLE, or one SELECT)
        assertThat(String.join(" ", counter.statements())).containsPattern("(?i)RETURNING|FINAL TABLE|SELECT");
        assertThat(e.toMap()).isEqualTo(repo.findById(PlainEmployee.class, e.id()).orElseThrow().toMap());
    }

    /** MySQL 8 and MariaDB before 10.5 have no INSERT … RETURNING: generated keys and one follow-up SELECT. */
    @EngineTest(engines = dev.modelrepo.test.Engine.MARIADB)
    void withoutReturningTheKeyAndStoredRowComeFromGeneratedKeysAndOneSelect(TestDatabase db) {
        var counter = new dev.modelrepo.fixtures.CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.builder(counter).dialect(dev.modelrepo.dialect.MariaDbDialect.forVersion(10, 4))
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
        repo.registry().table(User.class);
        counter.reset();
        User user = repo.build(User.class, Map.of("name", "NoReturning", "email", email()));
        repo.save(user);
        assertThat(counter.statements()).hasSize(2);
        assertThat(counter.statements().get(0)).startsWith("INSERT INTO `users`").doesNotContain("RETURNING");
        assertThat(counter.statements().get(1)).startsWith("SELECT ");
        assertThat(user.id()).isInstanceOf(Long.class);
        assertThat(user.<Object>get("status")).isEqualTo("active");
        assertThat(user.toMap()).isEqualTo(repo.findById(User.class, user.id()).orElseThrow().toMap());
        counter.reset();
        user.set("age", 7);
        repo.save(user);
        assertThat(counter.statements()).hasSize(2);   // UPDATE, then re-read of the timestamp it wrote
        assertThat(user.toMap()).isEqualTo(repo.findById(User.class, user.id()).orElseThrow().toMap());
    }

    @EngineTest
    void updateWhereAndDeleteWhereAreSetBased(TestDatabase db) {
        ModelRepository repo = repo(db);
        String tag = "bulk" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            repo.save(repo.build(User.class, Map.of("name", tag, "email", email(), "age", i * 10)));
        }
        var q = ModelQuery.from(User.class, "u").where(and(eq("u.name", tag), ge("u.age", param("min"))));
        assertThat(repo.updateWhere(q, Map.of("is_active", false), Map.of("min", 20))).isEqualTo(3);
        assertThat(repo.count(ModelQuery.from(User.class, "u").where(and(eq("u.name", tag), eq("u.is_active", false))), Map.of())).isEqualTo(3);
        var paged = ModelQuery.from(User.class, "u").where(eq("u.name", tag)).orderBy(desc("u.age")).limit(2);
        assertThat(repo.deleteWhere(paged, Map.of())).isEqualTo(2);
        assertThat(repo.list(ModelQuery.from(User.class, "u").where(eq("u.name", tag)).orderBy(asc("u.age")), Map.of()))
                .extracting(u -> u.<Object>get("age")).containsExactly(0, 10, 20);
        assertThatThrownBy(() -> repo.updateWhere(q, Map.of("nope", 1), Map.of("min", 0))).isInstanceOf(UnknownColumnException.class)
                .hasMessageContaining("'nope'");
    }
}

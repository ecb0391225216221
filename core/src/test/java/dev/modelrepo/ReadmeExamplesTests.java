package dev.modelrepo;

import static dev.modelrepo.query.Q.*;
import static dev.modelrepo.repository.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.lock.LockOptions;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** The README's examples, as written there (names of local helpers aside), run on every engine; sample-app's {@code ReadmeSnippetsCompileTests} compiles every README snippet with its imports. */
@Changelog("db/changelog/test-schema.xml")
class ReadmeExamplesTests {

    record UserRow(long id, String name, Integer age, boolean isActive) {
    }

    /** A JavaBean for native results mapped by Spring's DataClassRowMapper. */
    public static class UserBean {
        private String name;
        private Integer age;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Integer getAge() {
            return age;
        }

        public void setAge(Integer age) {
            this.age = age;
        }
    }

    @EngineTest
    void modelsSection(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String email = UUID.randomUUID() + "@example.com";
        User user = repo.build(User.class, Map.of("name", "Taro", "email", email));
        repo.save(user);
        user.set("name", "Jiro");
        repo.save(user);
        assertThat(repo.findById(User.class, user.id()).orElseThrow().<Object>get("name")).isEqualTo("Jiro");
        Company company = repo.build(Company.class, Map.of("name", "readme-co"));
        repo.save(company);
        repo.save(repo.build(Department.class, Map.of("name", "readme-d", "company_id", company.id())));
        repo.destroy(company, Cascade.ALL);
        assertThat(company.isFrozen()).isTrue();
        var query = repo.query(User.class, "u").where(eq("u.email", param("email")));
        Map<String, Object> params = Map.of("email", email);
        int n = repo.updateWhere(query, Map.of("is_active", false), params);
        assertThat(n).isEqualTo(1);
    }

    @EngineTest
    void queriesSection(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        Company acme = repo.build(Company.class, Map.of("name", "readme-acme", "industry", "Tech"));
        repo.save(acme);
        Department sales = repo.build(Department.class, Map.of("name", "Sales", "company_id", acme.id()));
        repo.save(sales);
        repo.save(repo.build(Employee.class, Map.of("name", "readme-e", "department_id", sales.id(), "salary", 60_000)));

        ModelQuery<Employee> q = repo.query(Employee.class, "e")
            .join(inner("department"))
            .join(inner("company").through("department"))
            .where(and(eq("department.name", param("dept")),
                       ge("e.salary", param("minSalary")),
                       in("company.industry", param("industries"))))
            .orderBy(desc("e.salary"))
            .limit(20).offset(param("offset"));
        Map<String, Object> params = Map.of("dept", "Sales", "minSalary", 50_000, "industries", List.of("Tech", "Finance"), "offset", 0);
        List<Employee> rows = repo.list(q, params);
        long total = repo.count(q, params);
        List<Company> withChildren = repo.list(repo.query(Company.class, "c").include("departments.employees"), Map.of());
        List<Map<String, Object>> perDepartment = repo.rows(repo.query(Employee.class, "e")
            .select(col("e.department_id"), count().as("n")).groupBy("e.department_id"), Map.of());
        assertThat(rows).extracting(e -> e.get("name", String.class)).contains("readme-e");
        assertThat(total).isEqualTo(rows.size());
        assertThat(withChildren).isNotEmpty();
        assertThat(perDepartment).isNotEmpty();
        assertThat(repo.toSql(q, params)).contains("'Sales'");
    }

    /** The Queries section's joins, unions, aliases, raw subqueries and bound values. */
    @EngineTest
    void queriesSectionReadShapes(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        Company acme = repo.build(Company.class, Map.of("name", "readme-shapes", "industry", "Tech"));
        repo.save(acme);
        Department department = repo.build(Department.class, Map.of("name", "Dev", "company_id", acme.id()));
        repo.save(department);
        repo.save(repo.build(Employee.class, Map.of("name", "readme-shape", "department_id", department.id(), "salary", 60_000)));

        var staffing = repo.query(Employee.class, "e").select(col("e.name"), col("d.name").as("dept"))
            .join(right(Department.class, "d").on(eq("d.id", col("e.department_id"))))
            .orderBy(asc("dept"));
        var everyPair = repo.query(Company.class, "c").join(cross(Department.class, "d"));
        var sales = repo.query(Employee.class, "e").select("e.department_id").where(eq("e.salary", 60_000));
        var both = sales.union(repo.query(Employee.class, "e").select("e.department_id").where(eq("e.department_id", department)));
        var inDev = repo.query(Employee.class, "e").where(in("e.department_id", raw("SELECT id FROM departments WHERE name = ?", "Dev")));
        var asGiven = repo.query(Employee.class, "e").where(eq("e.salary", unconverted("60000")));
        assertThat(repo.rows(staffing, Map.of())).extracting(r -> r.get("dept")).contains("Dev");
        assertThat(repo.count(everyPair, Map.of())).isPositive();
        assertThat(repo.rows(both, Map.of())).hasSize(1);
        assertThat(repo.list(inDev, Map.of())).extracting(e -> e.get("name", String.class)).contains("readme-shape");
        assertThat(repo.list(asGiven, Map.of())).extracting(e -> e.get("name", String.class)).contains("readme-shape");
    }

    @EngineTest
    void nativeSqlSection(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        User user = repo.build(User.class, Map.of("name", "native", "email", UUID.randomUUID() + "@x.test", "age", 33));
        repo.save(user);
        List<Long> ids = List.of((Long) user.id());
        List<Map<String, Object>> r = repo.sql("SELECT * FROM users WHERE age > :age").list(Map.of("age", 20));
        List<UserRow> rs = repo.sql("SELECT id, name, age, is_active FROM users").into(UserRow.class).list(Map.of());
        int changed = repo.sql("UPDATE users SET is_active = :a WHERE id IN (:ids)").update(Map.of("a", false, "ids", ids));
        Integer minAge = 30;
        Map<String, Object> params = new HashMap<>(Map.of("tag", "nat%", "minAge", minAge));
        List<Map<String, Object>> dynamic = repo.sql("SELECT name FROM users" + where(always("name LIKE :tag"),
                when(minAge != null, "age >= :minAge"))).list(params);
        List<UserBean> beans = repo.sql("SELECT name, age FROM users WHERE id = :id").into(UserBean.class).list(Map.of("id", user.id()));
        assertThat(r).isNotEmpty();
        assertThat(rs).isNotEmpty();
        assertThat(changed).isEqualTo(1);
        assertThat(dynamic).extracting(m -> m.get("name")).contains("native");
        assertThat(beans).singleElement().satisfies(b -> {
            assertThat(b.getName()).isEqualTo("native");
            assertThat(b.getAge()).isEqualTo(33);
        });
    }

    /** The Native SQL section's streams, batches, locked selects and seed-style fragments. */
    @EngineTest
    void nativeSqlSectionStreamsAndLocks(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        User user = repo.build(User.class, Map.of("name", "native-stream", "email", UUID.randomUUID() + "@x.test", "age", 40));
        repo.save(user);
        long streamed;
        try (Stream<Map<String, Object>> rows = repo.sql("SELECT * FROM users WHERE age > :age").stream(Map.of("age", 20))) {
            streamed = rows.count();
        }
        List<Integer> sizes = new ArrayList<>();
        repo.sql("SELECT id, name, age, is_active FROM users").into(UserRow.class).forEachBatch(Map.of(), 1000, batch -> sizes.add(batch.size()));
        LockOptions lock = db.engine() == Engine.SQLITE ? LockOptions.immediate() : LockOptions.forUpdate();
        int locked = repo.sql("SELECT id FROM users WHERE age > :age ORDER BY id").withLocked(Map.of("age", 20), lock, rows -> rows.size());
        String name = null;
        Map<String, Object> params = Map.of("age", 41, "id", user.id());
        int changed = repo.sql("UPDATE users" + set(when(name != null, " name = :name, "), always(" age = :age "))
                + where(always(" AND id = :id "))).update(params);
        assertThat(streamed).isPositive();
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isPositive();
        assertThat(locked).isEqualTo((int) streamed);
        assertThat(changed).isEqualTo(1);
    }

    @EngineTest
    void cursorsSection(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        ModelQuery<User> q = repo.query(User.class, "u");
        Map<String, Object> params = Map.of();
        List<User> exported = new ArrayList<>();
        try (Stream<User> s = repo.stream(q, params)) {
            s.forEach(exported::add);
        }
        List<Integer> batches = new ArrayList<>();
        repo.forEachBatch(q, params, 1000, batch -> batches.add(batch.size()));
        assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(exported.size());
        Company acme = repo.build(Company.class, Map.of("name", "readme-cursor"));
        repo.save(acme);
        Department dept = repo.build(Department.class, Map.of("name", "readme-cursor", "company_id", acme.id()));
        repo.save(dept);
        repo.save(repo.build(Employee.class, Map.of("name", "readme-cursor", "department_id", dept.id())));
        ModelQuery<Employee> staff = repo.query(Employee.class, "e").where(eq("e.name", "readme-cursor"));
        try (Stream<Employee> s = repo.stream(staff.join(inner("department")), params)) {
            s.forEach(e -> assertThat(e.<Department>related("department").get("name", String.class)).isEqualTo("readme-cursor"));
        }
        repo.forEachBatch(staff.include("department.company"), params, 1000, batch -> batch.forEach(e ->
                assertThat(e.<Department>related("department").<Company>related("company").id()).isEqualTo(acme.id())));
    }

    @EngineTest
    void transactionsAndLocksSections(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        User u1 = repo.build(User.class, Map.of("name", "tx1", "email", UUID.randomUUID() + "@x.test"));
        User u2 = repo.build(User.class, Map.of("name", "tx2", "email", UUID.randomUUID() + "@x.test"));
        User u3 = repo.build(User.class, Map.of("name", "tx3", "email", UUID.randomUUID() + "@x.test"));
        repo.useTransaction(() -> {
            repo.save(u1);
            try { repo.useTransaction(() -> { repo.save(u2); throw new IllegalStateException("inner"); }); }
            catch (IllegalStateException expected) { }
            repo.save(u3);
        });
        assertThat(u2.isNew()).isTrue();
        LockOperations locks = repo.locks();
        LockOptions lock = db.engine() == Engine.SQLITE ? LockOptions.immediate() : LockOptions.forUpdate();
        int locked = locks.withLocked(repo.query(User.class, "a").where(in("a.id", List.of(u1.id(), u3.id()))).orderBy(asc("a.id")),
                Map.of(), lock, rows -> rows.size());
        assertThat(locked).isEqualTo(2);
        int bumped = locks.retryOnConflict(5, () -> {
            User fresh = repo.findById(User.class, u1.id()).orElseThrow();
            fresh.set("age", 1);
            repo.save(fresh);
            return fresh.get("lock_version", Integer.class);
        });
        assertThat(bumped).isEqualTo(1);
    }
}

package dev.modelrepo.repository;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.model.Model;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** Every operator and clause of the DSL executed on every engine against the Liquibase test schema. */
@Changelog("db/changelog/test-schema.xml")
class QueryExecutionTests {

    private static final Map<DataSource, ModelRepository> REPOS = new ConcurrentHashMap<>();

    private static ModelRepository repo(TestDatabase db) {
        return REPOS.computeIfAbsent(db.dataSource(), ds -> {
            seed(ds);
            return ModelRepository.create(ds);
        });
    }

    private static void seed(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            sqlite = c.getMetaData().getDatabaseProductName().contains("SQLite");
            insert(c, "INSERT INTO companies (id, name, industry, founded) VALUES (?, ?, ?, ?)",
                    List.of(1L, "Acme", "Tech", LocalDate.of(2001, 2, 3)), List.of(2L, "Globex", "Finance", LocalDate.of(1990, 1, 1)),
                    java.util.Arrays.asList(3L, "Initech", null, null));
            insert(c, "INSERT INTO departments (id, company_id, name, budget) VALUES (?, ?, ?, ?)",
                    List.of(1L, 1L, "Sales", new BigDecimal("1000.50")), List.of(2L, 1L, "Dev", new BigDecimal("2000.00")),
                    List.of(3L, 2L, "Ops", new BigDecimal("300.25")), List.of(4L, 3L, "Empty", new BigDecimal("0.00")));
            insert(c, "INSERT INTO employees (id, department_id, name, email, salary, active, hired_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    List.of(1L, 1L, "Taro", "taro@acme.test", 60000, true, LocalDate.of(2020, 1, 1)),
                    List.of(2L, 1L, "Jiro", "jiro@acme.test", 40000, true, LocalDate.of(2021, 6, 1)),
                    List.of(3L, 2L, "Hana", "hana@acme.test", 70000, true, LocalDate.of(2019, 3, 15)),
                    List.of(4L, 2L, "Yuki", "yuki@acme.test", 50000, false, LocalDate.of(2022, 9, 30)),
                    java.util.Arrays.asList(5L, 3L, "Ken", null, 55000, true, LocalDate.of(2018, 12, 24)),
                    java.util.Arrays.asList(6L, null, "Mei 100%_off", "mei@free.test", 30000, true, null));
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** SQLite keeps dates as ISO text (as modelrepo writes them); sqlite-jdbc's setDate would store epoch millis. */
    private static boolean sqlite;

    @SafeVarargs
    private static void insert(Connection c, String sql, List<Object>... rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (List<Object> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    Object v = row.get(i);
                    if (v instanceof LocalDate d && sqlite) {
                        ps.setString(i + 1, d.toString());
                    }
                    else if (v instanceof LocalDate d) {
                        ps.setDate(i + 1, java.sql.Date.valueOf(d));
                    }
                    else {
                        ps.setObject(i + 1, v);
                    }
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static ModelQuery<Employee> emp() {
        return ModelQuery.from(Employee.class, "e").orderBy(asc("e.id"));
    }

    private static List<String> names(List<? extends Model> models) {
        return models.stream().map(m -> m.get("name", String.class)).toList();
    }

    private static List<String> names(TestDatabase db, ModelQuery<Employee> q, Map<String, ?> params) {
        return names(repo(db).list(q, params));
    }

    private static List<String> names(TestDatabase db, ModelQuery<Employee> q) {
        return names(db, q, Map.of());
    }

    @EngineTest
    void comparisonOperators(TestDatabase db) {
        assertThat(names(db, emp().where(eq("e.salary", 60000)))).containsExactly("Taro");
        assertThat(names(db, emp().where(ne("e.salary", param("s"))), Map.of("s", 60000))).containsExactly("Jiro", "Hana", "Yuki", "Ken", "Mei 100%_off");
        assertThat(names(db, emp().where(gt("e.salary", 55000)))).containsExactly("Taro", "Hana");
        assertThat(names(db, emp().where(ge("e.salary", 55000)))).containsExactly("Taro", "Hana", "Ken");
        assertThat(names(db, emp().where(lt("e.salary", 50000)))).containsExactly("Jiro", "Mei 100%_off");
        assertThat(names(db, emp().where(le("e.salary", 50000)))).containsExactly("Jiro", "Yuki", "Mei 100%_off");
        assertThat(names(db, emp().where(eq("e.active", false)))).containsExactly("Yuki");
        assertThat(names(db, emp().where(ge("e.hired_on", LocalDate.of(2021, 1, 1))))).containsExactly("Jiro", "Yuki");
    }

    @EngineTest
    void likeFamilyEscapesWildcards(TestDatabase db) {
        assertThat(names(db, emp().where(like("e.name", "%ro")))).containsExactly("Taro", "Jiro");
        assertThat(names(db, emp().where(notLike("e.name", "%a%")))).containsExactly("Jiro", "Yuki", "Ken", "Mei 100%_off");
        assertThat(names(db, emp().where(contains("e.name", "%")))).containsExactly("Mei 100%_off");
        assertThat(names(db, emp().where(contains("e.name", "_")))).containsExactly("Mei 100%_off");
        assertThat(names(db, emp().where(contains("e.name", "0%_o")))).containsExactly("Mei 100%_off");
        assertThat(names(db, emp().where(startsWith("e.name", param("p"))), Map.of("p", "Ha"))).containsExactly("Hana");
        assertThat(names(db, emp().where(endsWith("e.name", "ro")))).containsExactly("Taro", "Jiro");
        assertThat(names(db, emp().where(startsWith("e.name", "_")))).isEmpty();
    }

    @EngineTest
    void inAndNotInWithListsParamsAndEmptyLists(TestDatabase db) {
        assertThat(names(db, emp().where(in("e.id", param("ids"))), Map.of("ids", List.of(1L, 3L, 5L)))).containsExactly("Taro", "Hana", "Ken");
        assertThat(names(db, emp().where(in("e.name", List.of("Ken", "Yuki"))))).containsExactly("Yuki", "Ken");
        assertThat(names(db, emp().where(notIn("e.id", param("ids"))), Map.of("ids", List.of(1, 2, 3, 4)))).containsExactly("Ken", "Mei 100%_off");
        assertThat(names(db, emp().where(in("e.id", param("ids"))), Map.of("ids", List.of()))).isEmpty();
        assertThat(names(db, emp().where(notIn("e.id", param("ids"))), Map.of("ids", List.of()))).hasSize(6);
        List<Long> many = IntStream.rangeClosed(1, 300).mapToObj(i -> (long) i).toList();
        assertThat(names(db, emp().where(in("e.id", param("ids"))), Map.of("ids", many))).hasSize(6);
    }

    @EngineTest
    void betweenAndNullChecks(TestDatabase db) {
        assertThat(names(db, emp().where(between("e.salary", 40000, param("hi"))), Map.of("hi", 55000))).containsExactly("Jiro", "Yuki", "Ken");
        assertThat(names(db, emp().where(notBetween("e.salary", 40000, 60000)))).containsExactly("Hana", "Mei 100%_off");
        assertThat(names(db, emp().where(isNull("e.email")))).containsExactly("Ken");
        assertThat(names(db, emp().where(isNotNull("e.hired_on")))).hasSize(5);
        assertThat(names(db, emp().where(eq("e.email", param("email"))), java.util.Collections.singletonMap("email", null))).isEmpty();
    }

    @EngineTest
    void andOrNotCompose(TestDatabase db) {
        var q = emp().where(and(or(eq("e.department_id", 1), eq("e.department_id", 2)), not(eq("e.active", false))));
        assertThat(names(db, q)).containsExactly("Taro", "Jiro", "Hana");
        assertThat(names(db, q.where(gt("e.salary", 45000)))).containsExactly("Taro", "Hana");
    }

    @EngineTest
    void subqueriesInExistsAndFrom(TestDatabase db) {
        var acmeDepartments = ModelQuery.from(Department.class, "d").select("d.id").where(eq("d.company_id", 1));
        assertThat(names(db, emp().where(in("e.department_id", acmeDepartments)))).containsExactly("Taro", "Jiro", "Hana", "Yuki");
        var richerPeer = ModelQuery.from(Employee.class, "o").where(and(eq("o.department_id", col("e.department_id")),
                gt("o.salary", col("e.salary"))));
        assertThat(names(db, emp().where(and(isNotNull("e.department_id"), notExists(richerPeer))))).containsExactly("Taro", "Hana", "Ken");
        assertThat(names(db, emp().where(exists(richerPeer)))).containsExactly("Jiro", "Yuki");
        var active = ModelQuery.from(Employee.class, "a").where(eq("a.active", true));
        var fromSub = ModelQuery.from(Employee.class, "x").from(active).where(gt("x.salary", 50000)).orderBy(desc("x.salary"));
        assertThat(names(repo(db).list(fromSub, Map.of()))).containsExactly("Hana", "Taro", "Ken");
    }

    @EngineTest
    void aggregatesGroupByAndHavingReturnRowsOfPortableTypes(TestDatabase db) {
        var q = ModelQuery.from(Employee.class, "e").select(col("e.department_id"), count().as("n"), sum("e.salary").as("total"),
                avg("e.salary").as("mean"), min("e.salary").as("low"), max("e.hired_on").as("latest"))
                .where(isNotNull("e.department_id")).groupBy("e.department_id").having(ge(count(), 2)).orderBy(asc("e.department_id"));
        List<Map<String, Object>> rows = repo(db).rows(q, Map.of());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("department_id", 1L).containsEntry("n", 2L).containsEntry("total", 100000L)
                .containsEntry("low", 40000).containsEntry("latest", LocalDate.of(2021, 6, 1));
        assertThat((BigDecimal) rows.get(0).get("mean")).isEqualByComparingTo("50000");
        assertThat(rows.get(1)).containsEntry("department_id", 2L).containsEntry("total", 120000L);
    }

    @EngineTest
    void orderLimitOffsetAndDistinct(TestDatabase db) {
        var q = ModelQuery.from(Employee.class, "e").orderBy(desc("e.salary")).limit(param("size")).offset(param("offset"));
        assertThat(names(db, q, Map.of("size", 2, "offset", 1))).containsExactly("Taro", "Ken");
        assertThat(names(db, ModelQuery.from(Employee.class, "e").orderBy(asc("e.salary")).offset(4))).containsExactly("Taro", "Hana");
        var distinct = ModelQuery.from(Employee.class, "e").select("e.department_id").distinct().where(isNotNull("e.department_id"))
                .orderBy(asc("e.department_id"));
        assertThat(repo(db).rows(distinct, Map.of())).extracting(r -> r.get("department_id")).containsExactly(1L, 2L, 3L);
    }

    @EngineTest
    void relationJoinsFillRelatedModels(TestDatabase db) {
        var q = emp().join(inner("department")).join(inner("company").through("department")).where(eq("company.name", "Acme"));
        List<Employee> rows = repo(db).list(q, Map.of());
        assertThat(names(rows)).containsExactly("Taro", "Jiro", "Hana", "Yuki");
        Department dept = rows.get(2).related("department");
        assertThat(dept.get("name", String.class)).isEqualTo("Dev");
        assertThat(dept.<Company>related("company").get("industry", String.class)).isEqualTo("Tech");
        assertThat(rows.get(0).get("department.name", String.class)).isEqualTo("Sales");
        assertThat((BigDecimal) dept.get("budget")).isEqualByComparingTo("2000.00");
        List<Employee> all = repo(db).list(emp().join(left("department")), Map.of());
        assertThat(all).hasSize(6);
        assertThat(all.get(5).<Department>related("department")).isNull();
    }

    @EngineTest
    void explicitJoinsExposeAliasColumns(TestDatabase db) {
        var q = ModelQuery.from(Department.class, "d").join(inner(Company.class, "c").on(eq("c.id", col("d.company_id"))))
                .where(eq("c.industry", "Finance"));
        List<Department> rows = repo(db).list(q, Map.of());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("c.name", String.class)).isEqualTo("Globex");
        assertThat(rows.get(0).get("name", String.class)).isEqualTo("Ops");
    }

    @EngineTest
    void unionAllWithOrderAndLimitOverTheWhole(TestDatabase db) {
        var q = ModelQuery.from(Employee.class, "e").where(eq("e.department_id", 1))
                .unionAll(ModelQuery.from(Employee.class, "e").where(eq("e.department_id", 3))).orderBy(desc("e.salary")).limit(2);
        assertThat(names(db, q)).containsExactly("Taro", "Ken");
        assertThat(repo(db).count(q, Map.of())).isEqualTo(3);
    }

    @EngineTest
    void countExistsFirstFindById(TestDatabase db) {
        var q = emp().where(eq("e.active", true)).limit(1);
        assertThat(repo(db).count(q, Map.of())).isEqualTo(5);
        assertThat(repo(db).exists(q, Map.of())).isTrue();
        assertThat(repo(db).exists(emp().where(gt("e.salary", 1_000_000)), Map.of())).isFalse();
        assertThat(repo(db).first(emp().where(eq("e.department_id", 2)), Map.of())).get().extracting(Employee::name).isEqualTo("Hana");
        assertThat(repo(db).findById(Employee.class, 4L)).get().extracting(Employee::name).isEqualTo("Yuki");
        assertThat(repo(db).findById(Employee.class, 4)).isPresent();
        assertThat(repo(db).findById(Employee.class, 999L)).isEmpty();
        var withChildren = ModelQuery.from(Department.class, "d").join(inner("employees"));
        assertThat(repo(db).count(withChildren, Map.of())).isEqualTo(3);
    }

    @EngineTest
    void rawConditionsBindTheirArguments(TestDatabase db) {
        // Aliases are quoted, so raw SQL refers to columns through col(...) arguments.
        var q = emp().where(raw("UPPER(?) = ?", col("e.name"), param("n")));
        assertThat(names(db, q, Map.of("n", "KEN"))).containsExactly("Ken");
        assertThat(names(db, emp().where(eq("e.name", "x' OR '1'='1")))).isEmpty();
    }

    @EngineTest
    void loadedModelsHaveLowerCaseNamesAndPortableTypes(TestDatabase db) {
        Employee taro = repo(db).findById(Employee.class, 1L).orElseThrow();
        assertThat(taro.toMap().keySet()).containsExactly("id", "department_id", "name", "email", "salary", "active", "hired_on",
                "created_at", "updated_at");
        assertThat(taro.id()).isEqualTo(1L);
        assertThat(taro.<Object>get("salary")).isEqualTo(60000);
        assertThat(taro.<Object>get("active")).isEqualTo(true);
        assertThat(taro.<Object>get("hired_on")).isEqualTo(LocalDate.of(2020, 1, 1));
        assertThat(taro.<Object>get("SALARY")).isEqualTo(60000);
        assertThat(taro.isNew()).isFalse();
        assertThat(taro.isDirty()).isFalse();
        assertThat(repo(db).registry().table(Employee.class).primaryKey()).extracting(c -> c.name()).containsExactly("id");
    }

    @EngineTest
    void databaseErrorsBecomeSpringExceptions(TestDatabase db) {
        assertThatThrownBy(() -> repo(db).list(emp().where(raw("no_such_function(e.id) = 1")), Map.of()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("no_such_function");
    }

    @EngineTest
    void theSecondExecutionOfAQueryDoesNotRender(TestDatabase db) {
        ModelRepository fresh = ModelRepository.create(db.dataSource());
        var q = emp().where(eq("e.department_id", param("d")));
        fresh.list(q, Map.of("d", 1));
        long renders = fresh.queryCache().stats().misses();
        fresh.list(emp().where(eq("e.department_id", param("d"))), Map.of("d", 2));
        assertThat(fresh.queryCache().stats().misses()).isEqualTo(renders);
        assertThat(fresh.queryCache().stats().hits()).isEqualTo(1);
    }

    @EngineTest(engines = { Engine.POSTGRESQL, Engine.MARIADB })
    void theSpringTransactionTimeoutIsApplied(TestDatabase db, Engine engine) {
        var tx = new TransactionTemplate(new JdbcTransactionManager(db.dataSource()));
        tx.setTimeout(1);
        String sleep = engine == Engine.POSTGRESQL ? "(SELECT 1 FROM pg_sleep(3)) = 1" : "SLEEP(3) = 0";
        long start = System.nanoTime();
        List<Object> outcome = new ArrayList<>();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> outcome.add(repo(db).list(emp().where(raw(sleep)), Map.of()))))
                .isInstanceOf(DataAccessException.class);
        assertThat(outcome).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2900);
    }
}

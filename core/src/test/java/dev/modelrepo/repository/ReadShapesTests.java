package dev.modelrepo.repository;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import dev.modelrepo.dialect.UnsupportedJoinException;
import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.model.UnknownTableException;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.error.ParameterTypeException;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * The reads real queries need, on every engine and compared with hand-written SQL on the same rows: RIGHT, FULL
 * and CROSS joins (a typed error where the engine has none), a join of a table without a model class, UNION beside
 * UNION ALL, ORDER BY a select alias, raw SQL as a subquery, a model bound as its key, and an unconverted bind.
 */
@Changelog("db/changelog/test-schema.xml")
class ReadShapesTests {

    private static final Map<DataSource, CountingDataSource> COUNTERS = new ConcurrentHashMap<>();

    private static final Map<DataSource, ModelRepository> REPOS = new ConcurrentHashMap<>();

    private static ModelRepository repo(TestDatabase db) {
        return REPOS.computeIfAbsent(db.dataSource(), ds -> {
            seed(ds);
            CountingDataSource counter = new CountingDataSource(ds);
            COUNTERS.put(ds, counter);
            return ModelRepository.create(counter);
        });
    }

    private static CountingDataSource counter(TestDatabase db) {
        repo(db);
        return COUNTERS.get(db.dataSource());
    }

    /** Companies 1-3; departments 1-4 (4 has no employees); employees 1-6 (6 has no department); badges of a table without a model. */
    private static void seed(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO companies (id, name, industry) VALUES (1, 'Acme', 'Tech'), (2, 'Globex', 'Finance'), (3, 'Initech', NULL)");
            s.execute("INSERT INTO departments (id, company_id, name, budget) VALUES (1, 1, 'Sales', 1000.50), (2, 1, 'Dev', 2000.00),"
                    + " (3, 2, 'Ops', 300.25), (4, 3, 'Empty', 0.00)");
            s.execute("INSERT INTO employees (id, department_id, name, salary, active) VALUES (1, 1, 'Taro', 60000, TRUE),"
                    + " (2, 1, 'Jiro', 40000, TRUE), (3, 2, 'Hana', 70000, TRUE), (4, 2, 'Yuki', 50000, FALSE),"
                    + " (5, 3, 'Ken', 55000, TRUE), (6, NULL, 'Mei', 30000, TRUE)");
            s.execute("CREATE TABLE badges (employee_id BIGINT NOT NULL, label VARCHAR(50) NOT NULL, awarded INT)");
            s.execute("INSERT INTO badges (employee_id, label, awarded) VALUES (1, 'gold', 2020), (3, 'gold', 2021), (3, 'silver', 2019)");
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static ModelQuery<Employee> emp() {
        return ModelQuery.from(Employee.class, "e").orderBy(asc("e.id"));
    }

    private static List<String> names(List<? extends Model> models) {
        return models.stream().map(m -> m.get("name", String.class)).toList();
    }

    /** The rows as lists of their values, for comparing the DSL's rows with hand-written SQL's. */
    private static List<List<Object>> values(List<Map<String, Object>> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            out.add(new ArrayList<>(row.values()));
        }
        return out;
    }

    private static boolean hasFullJoin(Engine engine) {
        return engine == Engine.POSTGRESQL || engine == Engine.SQLITE;
    }

    @EngineTest
    void aRightJoinKeepsTheRowsOfTheJoinedTable(TestDatabase db) {
        var q = ModelQuery.from(Employee.class, "e").select(col("e.name"), col("d.name").as("dept"))
                .join(right(Department.class, "d").on(eq("d.id", col("e.department_id")))).orderBy(asc("d.id"), asc("e.id"));
        List<Map<String, Object>> rows = repo(db).rows(q, Map.of());
        assertThat(rows).extracting(r -> r.get("name"), r -> r.get("dept")).containsExactly(tuple("Taro", "Sales"), tuple("Jiro", "Sales"),
                tuple("Hana", "Dev"), tuple("Yuki", "Dev"), tuple("Ken", "Ops"), tuple(null, "Empty"));
        assertThat(values(rows)).isEqualTo(values(repo(db).sql("SELECT e.name, d.name AS dept FROM employees e RIGHT JOIN departments d"
                + " ON d.id = e.department_id ORDER BY d.id, e.id").list(Map.of())));
    }

    /** A right-joined relation is filled; the row of a department without employees has no root row: no model, but a row. */
    @EngineTest
    void aRightJoinedRelationFillsRelatedAndARowWithoutARootIsNoModel(TestDatabase db) {
        var q = ModelQuery.from(Employee.class, "e").join(right("department")).orderBy(asc("department.id"), asc("e.id"));
        List<Employee> rows = repo(db).list(q, Map.of());
        assertThat(names(rows)).containsExactly("Taro", "Jiro", "Hana", "Yuki", "Ken");
        assertThat(rows.get(0).<Department>related("department").get("name", String.class)).isEqualTo("Sales");
        assertThat(repo(db).count(q, Map.of())).isEqualTo(5);
        List<Map<String, Object>> all = repo(db).rows(q, Map.of());
        assertThat(all).hasSize(6);
        assertThat(all.get(5)).containsEntry("id", null).containsEntry("department.name", "Empty");
    }

    @EngineTest
    void aFullJoinWhereTheEngineHasOneAndATypedErrorBeforeAnySqlWhereNot(TestDatabase db) {
        var q = ModelQuery.from(Employee.class, "e").select(col("e.name"), col("d.name").as("dept"))
                .join(full(Department.class, "d").on(eq("d.id", col("e.department_id")))).orderBy(asc("e.name"), asc("d.name"));
        if (hasFullJoin(db.engine())) {
            List<Map<String, Object>> rows = repo(db).rows(q, Map.of());
            assertThat(rows).hasSize(7).extracting(r -> r.get("name"), r -> r.get("dept"))
                    .contains(tuple("Mei", null), tuple(null, "Empty"), tuple("Taro", "Sales"));
            assertThat(values(rows)).containsExactlyInAnyOrderElementsOf(values(repo(db).sql("SELECT e.name, d.name AS dept"
                    + " FROM employees e FULL JOIN departments d ON d.id = e.department_id").list(Map.of())));
            // count is what list returns: the row of the department without employees has no root, so it is no model
            assertThat(repo(db).list(q, Map.of())).hasSize(6);
            assertThat(repo(db).count(q, Map.of())).isEqualTo(6);
            return;
        }
        counter(db).reset();
        assertThatThrownBy(() -> repo(db).rows(q, Map.of())).isInstanceOf(UnsupportedJoinException.class)
                .hasMessageContaining(db.engine().displayName()).hasMessageContaining("FULL JOIN");
        assertThatThrownBy(() -> repo(db).list(emp().join(full("department")), Map.of())).isInstanceOf(UnsupportedJoinException.class);
        assertThat(counter(db).statements()).isEmpty();
    }

    @EngineTest
    void aCrossJoinPairsEveryRowAndTakesNoCondition(TestDatabase db) {
        var q = ModelQuery.from(Company.class, "c").select(col("c.name"), col("d.name").as("dept")).join(cross(Department.class, "d"))
                .where(eq("c.id", 1)).orderBy(asc("d.id"));
        assertThat(repo(db).rows(q, Map.of())).extracting(r -> r.get("dept")).containsExactly("Sales", "Dev", "Ops", "Empty");
        assertThat(repo(db).count(ModelQuery.from(Company.class, "c").join(cross(Department.class, "d")), Map.of())).isEqualTo(12);
        assertThatThrownBy(() -> cross(Department.class, "d").on(eq("d.id", col("c.id"))))
                .isInstanceOf(dev.modelrepo.query.error.InvalidQueryException.class).hasMessageContaining("CROSS");
    }

    @EngineTest
    void aTableWithoutAModelClassJoinsByNameAndItsColumnsAreTyped(TestDatabase db) {
        var gold = emp().join(inner(table("badges"), "b").on(eq("b.employee_id", col("e.id")))).where(eq("b.label", "gold"));
        List<Employee> rows = repo(db).list(gold, Map.of());
        assertThat(names(rows)).containsExactly("Taro", "Hana");
        assertThat(rows.get(1).get("b.awarded", Integer.class)).isEqualTo(2021);
        assertThat(rows.get(1).<Object>get("b.label")).isEqualTo("gold");
        var perEmployee = ModelQuery.from(Employee.class, "e").select(col("e.name"), count("b.label").as("badges"))
                .join(left(table("badges"), "b").on(eq("b.employee_id", col("e.id")))).groupBy("e.name").orderBy(desc("badges"), asc("e.name"));
        List<Map<String, Object>> counted = repo(db).rows(perEmployee, Map.of());
        assertThat(counted.get(0)).containsEntry("name", "Hana").containsEntry("badges", 2L);
        assertThat(values(counted)).isEqualTo(values(repo(db).sql("SELECT e.name, COUNT(b.label) AS badges FROM employees e"
                + " LEFT JOIN badges b ON b.employee_id = e.id GROUP BY e.name ORDER BY badges DESC, e.name").list(Map.of())).stream()
                .map(r -> List.<Object>of(r.get(0), ((Number) r.get(1)).longValue())).toList());
        assertThatThrownBy(() -> repo(db).list(emp().join(inner(table("no_such_table"), "n").on(eq("n.id", col("e.id")))), Map.of()))
                .isInstanceOf(UnknownTableException.class).hasMessageContaining("no_such_table");
        assertThatThrownBy(() -> repo(db).list(gold.where(eq("b.colour", "x")), Map.of())).isInstanceOf(UnknownColumnException.class)
                .hasMessageContaining("colour").hasMessageContaining("label");
    }

    @EngineTest
    void unionDropsDuplicateRowsWhereUnionAllKeepsThem(TestDatabase db) {
        var dept1 = ModelQuery.from(Employee.class, "e").select("e.department_id").where(eq("e.department_id", 1));
        var dept12 = ModelQuery.from(Employee.class, "e").select("e.department_id").where(in("e.department_id", List.of(1L, 2L)));
        var distinct = dept1.union(dept12).orderBy(asc("department_id"));
        assertThat(repo(db).rows(distinct, Map.of())).extracting(r -> ((Number) r.get("department_id")).longValue()).containsExactly(1L, 2L);
        assertThat(repo(db).rows(dept1.unionAll(dept12), Map.of())).hasSize(6);
        assertThat(repo(db).count(distinct, Map.of())).isEqualTo(2);
        assertThat(values(repo(db).rows(distinct, Map.of()))).isEqualTo(values(repo(db).sql("SELECT department_id FROM employees"
                + " WHERE department_id = 1 UNION SELECT department_id FROM employees WHERE department_id IN (1, 2) ORDER BY department_id")
                .list(Map.of())));
        var models = ModelQuery.from(Employee.class, "e").where(eq("e.department_id", 1))
                .union(ModelQuery.from(Employee.class, "e").where(in("e.id", List.of(1L, 3L)))).orderBy(asc("e.id"));
        assertThat(names(repo(db).list(models, Map.of()))).containsExactly("Taro", "Jiro", "Hana");
    }

    @EngineTest
    void orderByASelectAliasEvenWhereItNamesAColumnToo(TestDatabase db) {
        var byCount = ModelQuery.from(Employee.class, "e").select(col("e.department_id"), count().as("N"))
                .where(isNotNull("e.department_id")).groupBy("e.department_id").orderBy(desc("N"), asc("e.department_id"));
        assertThat(repo(db).rows(byCount, Map.of())).extracting(r -> ((Number) r.get("n")).longValue()).containsExactly(2L, 2L, 1L);
        // "salary" is the alias of MAX(e.salary) here, not the column: SQL orders by the select alias first
        var byMax = ModelQuery.from(Employee.class, "e").select(col("e.department_id"), max("e.salary").as("salary"))
                .where(isNotNull("e.department_id")).groupBy("e.department_id").orderBy(desc("salary"));
        List<Map<String, Object>> rows = repo(db).rows(byMax, Map.of());
        assertThat(rows).extracting(r -> r.get("salary")).containsExactly(70000, 60000, 55000);
        assertThat(values(rows).stream().map(r -> ((Number) r.get(0)).longValue()).toList())
                .isEqualTo(values(repo(db).sql("SELECT department_id, MAX(salary) AS salary FROM employees WHERE department_id IS NOT NULL"
                        + " GROUP BY department_id ORDER BY salary DESC").list(Map.of())).stream().map(r -> ((Number) r.get(0)).longValue()).toList());
    }

    @EngineTest
    void rawSqlServesAsASubqueryInInExistsAndFrom(TestDatabase db) {
        assertThat(names(repo(db).list(emp().where(in("e.department_id", raw("SELECT id FROM departments WHERE name = ?", "Dev"))), Map.of())))
                .containsExactly("Hana", "Yuki");
        assertThat(names(repo(db).list(emp().where(notIn("e.department_id", raw("SELECT id FROM departments WHERE budget > ?",
                param("min")))), Map.of("min", new BigDecimal("500"))))).containsExactly("Ken");
        var rich = raw("SELECT 1 FROM departments WHERE departments.id = ? AND departments.budget > ?", col("e.department_id"), 1000);
        assertThat(names(repo(db).list(emp().where(exists(rich)), Map.of()))).containsExactly("Taro", "Jiro", "Hana", "Yuki");
        assertThat(names(repo(db).list(emp().where(notExists(rich)), Map.of()))).containsExactly("Ken", "Mei");
        var fromRaw = ModelQuery.from(Employee.class, "x").from(raw("SELECT * FROM employees WHERE salary > ?", param("s")))
                .orderBy(asc("x.id"));
        List<Employee> high = repo(db).list(fromRaw, Map.of("s", 50000));
        assertThat(names(high)).containsExactly("Taro", "Hana", "Ken");
        assertThat(high.get(0).isNew()).isFalse();
        assertThat(repo(db).count(fromRaw, Map.of("s", 50000))).isEqualTo(3);
    }

    @EngineTest
    void aModelGivenAsAValueBindsItsKey(TestDatabase db) {
        Department dev = repo(db).findById(Department.class, 2L).orElseThrow();
        Department sales = repo(db).findById(Department.class, 1L).orElseThrow();
        assertThat(names(repo(db).list(emp().where(eq("e.department_id", dev)), Map.of()))).containsExactly("Hana", "Yuki");
        assertThat(names(repo(db).list(emp().where(eq("e.department_id", param("d"))), Map.of("d", sales)))).containsExactly("Taro", "Jiro");
        assertThat(names(repo(db).list(emp().where(in("e.department_id", List.of(sales, dev))), Map.of()))).hasSize(4);
        assertThat(repo(db).sql("SELECT name FROM employees WHERE department_id = :d ORDER BY id").list(Map.of("d", dev)))
                .extracting(r -> r.get("name")).containsExactly("Hana", "Yuki");
        Department unsaved = repo(db).build(Department.class, Map.of("name", "new"));
        assertThatThrownBy(() -> repo(db).list(emp().where(eq("e.department_id", unsaved)), Map.of()))
                .isInstanceOf(ParameterTypeException.class).hasMessageContaining("Department").hasMessageContaining("no key");
    }

    @EngineTest
    void anUnconvertedValueIsBoundAsGivenForTheDatabaseToConvert(TestDatabase db) {
        // numeric text is converted to the column's type by modelrepo (input coercion); unconverted leaves it to the database
        assertThat(names(repo(db).list(emp().where(eq("e.salary", "60000")), Map.of()))).containsExactly("Taro");
        assertThat(names(repo(db).list(emp().where(eq("e.salary", unconverted("60000"))), Map.of()))).containsExactly("Taro");
        assertThat(names(repo(db).list(emp().where(ge("e.salary", unconvertedParam("s"))), Map.of("s", "60000")))).containsExactly("Taro", "Hana");
        assertThatThrownBy(() -> emp().where(in("e.salary", unconverted(List.of("1", "2")))))
                .isInstanceOf(dev.modelrepo.query.error.InvalidQueryException.class).hasMessageContaining("unconverted");
    }

    @EngineTest
    void fragmentRulesOfTheSeedRunAsWritten(TestDatabase db) {
        String sql = "SELECT name FROM employees" + Sql.where(Sql.when(true, " AND salary >= :min "), Sql.when(false, " AND name = :name "),
                Sql.or(Sql.when(true, " OR active = :active "), Sql.when(true, " OR name = :other "))) + " ORDER BY id";
        assertThat(sql).isEqualTo("SELECT name FROM employees WHERE (salary >= :min AND (active = :active OR name = :other)) ORDER BY id");
        assertThat(repo(db).sql(sql).list(Map.of("min", 55000, "active", true, "other", "Yuki"))).extracting(r -> r.get("name"))
                .containsExactly("Taro", "Hana", "Ken");
        String update = "UPDATE employees" + Sql.set(Sql.when(true, " email = :email, "), Sql.when(false, " name = :name, "),
                Sql.always(" salary = :salary ")) + Sql.where(Sql.always(" id = :id "));
        assertThat(update).isEqualTo("UPDATE employees SET email = :email, salary = :salary WHERE id = :id");
        assertThat(repo(db).sql(update).update(Map.of("email", "mei@x.test", "salary", 30001, "id", 6))).isEqualTo(1);
        assertThat(repo(db).sql("SELECT salary FROM employees WHERE id = 6").first(Map.of()).orElseThrow()).containsEntry("salary", 30001);
        repo(db).sql("UPDATE employees SET salary = 30000, email = NULL WHERE id = 6").update(Map.of());
    }
}

package dev.modelrepo.repository;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.modelrepo.dialect.UnsupportedJoinException;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * A RIGHT or FULL join gives rows without a root row (every root column NULL). Model reads (list, first, stream,
 * forEachBatch, count, exists, paging) never turn such a row into a root model, nor merge several of them into one
 * phantom parent of a has-many join; {@code rows(...)} still returns every row. Compared with hand-written SQL.
 */
@Changelog("db/changelog/test-schema.xml")
class RootlessJoinRowsTests {

    /** A read-only model over a table without a primary key. */
    @Table(name = "shifts")
    public static class Shift extends Model {
    }

    /** A model with the composite primary key (department_id, slot). */
    @Table(name = "assignments")
    @BelongsTo(model = Department.class, as = "department", key = "department_id")
    public static class Assignment extends Model {
    }

    private static final Map<DataSource, ModelRepository> REPOS = new ConcurrentHashMap<>();

    private static ModelRepository repo(TestDatabase db) {
        return REPOS.computeIfAbsent(db.dataSource(), ds -> {
            seed(ds);
            return ModelRepository.create(ds);
        });
    }

    /**
     * Departments 1 Sales and 2 Dev have employees, 3 Empty and 4 Vacant none; employees 4 Mei and 5 Ken have no
     * department. Shifts of employees 1 and 3, and one shift whose every column is NULL; assignments of departments 1 and 2.
     */
    private static void seed(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO companies (id, name) VALUES (1, 'Acme')");
            s.execute("INSERT INTO departments (id, company_id, name) VALUES (1, 1, 'Sales'), (2, 1, 'Dev'), (3, 1, 'Empty'), (4, 1, 'Vacant')");
            s.execute("INSERT INTO employees (id, department_id, name, active) VALUES (1, 1, 'Taro', TRUE), (2, 1, 'Jiro', TRUE),"
                    + " (3, 2, 'Hana', TRUE), (4, NULL, 'Mei', TRUE), (5, NULL, 'Ken', TRUE)");
            s.execute("CREATE TABLE shifts (employee_id BIGINT, label VARCHAR(20))");
            s.execute("INSERT INTO shifts (employee_id, label) VALUES (1, 'early'), (3, 'late'), (NULL, NULL)");
            s.execute("CREATE TABLE assignments (department_id BIGINT NOT NULL, slot INT NOT NULL, note VARCHAR(20),"
                    + " PRIMARY KEY (department_id, slot))");
            s.execute("INSERT INTO assignments (department_id, slot, note) VALUES (1, 1, 'a'), (1, 2, 'b'), (2, 1, 'c')");
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean hasFullJoin(Engine engine) {
        return engine == Engine.POSTGRESQL || engine == Engine.SQLITE;
    }

    private static List<Long> ids(List<? extends Model> models) {
        return models.stream().map(m -> m.get("id") == null ? null : ((Number) m.get("id")).longValue()).toList();
    }

    /** The first column of hand-written SQL's rows, as longs (null kept). */
    private static List<Long> firstColumn(ModelRepository repo, String sql) {
        List<Long> out = new ArrayList<>();
        for (Map<String, Object> row : repo.sql(sql).list(Map.of())) {
            Object v = row.values().iterator().next();
            out.add(v == null ? null : ((Number) v).longValue());
        }
        return out;
    }

    private static ModelQuery<Employee> rightDepartments() {
        return ModelQuery.from(Employee.class, "e").join(right("department")).orderBy(asc("department.id"), asc("e.id"));
    }

    @EngineTest
    void aRightJoinListsOnlyTheRowsThatHaveARootAndRowsKeepTheOthers(TestDatabase db) {
        ModelRepository repo = repo(db);
        List<Employee> models = repo.list(rightDepartments(), Map.of());
        assertThat(ids(models)).containsExactly(1L, 2L, 3L).isEqualTo(firstColumn(repo, "SELECT e.id FROM employees e RIGHT JOIN"
                + " departments d ON d.id = e.department_id WHERE e.id IS NOT NULL ORDER BY d.id, e.id"));
        assertThat(models).extracting(m -> m.<Department>related("department").get("name", String.class)).containsExactly("Sales", "Sales", "Dev");
        assertThat(repo.count(rightDepartments(), Map.of())).isEqualTo(models.size());
        List<Map<String, Object>> rows = repo.rows(rightDepartments(), Map.of());
        assertThat(rows).extracting(r -> r.get("id") == null ? null : ((Number) r.get("id")).longValue())
                .containsExactly(1L, 2L, 3L, null, null).isEqualTo(firstColumn(repo, "SELECT e.id FROM employees e RIGHT JOIN departments d"
                        + " ON d.id = e.department_id ORDER BY d.id, e.id"));
        assertThat(rows).extracting(r -> r.get("department.name")).containsExactly("Sales", "Sales", "Dev", "Empty", "Vacant");
    }

    @EngineTest
    void firstPagingStreamsAndBatchesSkipRowsWithoutARoot(TestDatabase db) {
        ModelRepository repo = repo(db);
        // departments 4 and 3 come first and have no employee: the first model is Hana's, not a phantom
        var newestDepartmentsFirst = ModelQuery.from(Employee.class, "e").join(right("department")).orderBy(desc("department.id"), asc("e.id"));
        assertThat(repo.first(newestDepartmentsFirst, Map.of()).map(Model::id)).hasValueSatisfying(id -> assertThat(((Number) id).longValue()).isEqualTo(3L));
        assertThat(ids(repo.list(newestDepartmentsFirst.limit(2), Map.of()))).containsExactly(3L, 1L);
        assertThat(ids(repo.list(newestDepartmentsFirst.limit(2).offset(2), Map.of()))).containsExactly(2L);
        try (Stream<Employee> streamed = repo.stream(rightDepartments(), Map.of(), 2)) {
            assertThat(ids(streamed.toList())).containsExactly(1L, 2L, 3L);
        }
        List<List<Long>> batches = new ArrayList<>();
        repo.forEachBatch(rightDepartments(), Map.of(), 2, batch -> batches.add(ids(batch)));
        assertThat(batches).containsExactly(List.of(1L, 2L), List.of(3L));
        assertThat(repo.exists(rightDepartments(), Map.of())).isTrue();
    }

    @EngineTest
    void aQueryWhoseRowsAllLackARootListsNoModelAndCountsNone(TestDatabase db) {
        ModelRepository repo = repo(db);
        var emptyDepartments = rightDepartments().where(in("department.name", List.of("Empty", "Vacant")));
        assertThat(repo.list(emptyDepartments, Map.of())).isEmpty();
        assertThat(repo.first(emptyDepartments, Map.of())).isEmpty();
        assertThat(repo.count(emptyDepartments, Map.of())).isZero();
        assertThat(repo.exists(emptyDepartments, Map.of())).isFalse();
        try (Stream<Employee> streamed = repo.stream(emptyDepartments, Map.of())) {
            assertThat(streamed.count()).isZero();
        }
        assertThat(repo.rows(emptyDepartments, Map.of())).extracting(r -> r.get("department.name")).containsExactly("Empty", "Vacant");
    }

    @EngineTest
    void aUnionMemberWithARightJoinGivesOnlyItsRowsWithARoot(TestDatabase db) {
        ModelRepository repo = repo(db);
        var withDepartment = ModelQuery.from(Employee.class, "e").select("e.id", "e.name").join(right("department"));
        var mei = ModelQuery.from(Employee.class, "e").select("e.id", "e.name").where(eq("e.id", 4L));
        var q = withDepartment.unionAll(mei).orderBy(asc("id"));
        assertThat(ids(repo.list(q, Map.of()))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(repo.count(q, Map.of())).isEqualTo(4);
        assertThat(repo.rows(q, Map.of())).hasSize(6);
    }

    @EngineTest
    void aRightJoinOfAHasManyRelationNeverMergesRowsWithoutAParentIntoOne(TestDatabase db) {
        ModelRepository repo = repo(db);
        var q = ModelQuery.from(Department.class, "d").join(right("employees")).orderBy(asc("d.id"));
        List<Department> departments = repo.list(q, Map.of());
        assertThat(ids(departments)).containsExactly(1L, 2L).isEqualTo(firstColumn(repo, "SELECT DISTINCT d.id FROM departments d"
                + " RIGHT JOIN employees e ON e.department_id = d.id WHERE d.id IS NOT NULL ORDER BY d.id"));
        assertThat(departments.get(0).<Employee>relatedList("employees")).extracting(Employee::name).containsExactlyInAnyOrder("Taro", "Jiro");
        assertThat(departments.get(1).<Employee>relatedList("employees")).extracting(Employee::name).containsExactly("Hana");
        assertThat(repo.count(q, Map.of())).isEqualTo(2);
        assertThat(ids(repo.list(q.limit(1), Map.of()))).containsExactly(1L);
        assertThat(repo.first(q, Map.of()).orElseThrow().<Employee>relatedList("employees")).hasSize(2);
        // Mei and Ken belong to no department: two rows of rows(...), never one parent holding both
        List<Map<String, Object>> rows = repo.rows(q, Map.of());
        assertThat(rows).hasSize(5).filteredOn(r -> r.get("id") == null).extracting(r -> r.get("employees.name"))
                .containsExactlyInAnyOrder("Mei", "Ken");
    }

    @EngineTest
    void aFullJoinListsTheRootsWithAndWithoutAMatchAndATypedErrorWhereTheEngineHasNone(TestDatabase db) {
        ModelRepository repo = repo(db);
        var employees = ModelQuery.from(Employee.class, "e").join(full("department")).orderBy(asc("e.id"));
        var departments = ModelQuery.from(Department.class, "d").join(full("employees")).orderBy(asc("d.id"));
        if (!hasFullJoin(db.engine())) {
            assertThatThrownBy(() -> repo.list(employees, Map.of())).isInstanceOf(UnsupportedJoinException.class);
            assertThatThrownBy(() -> repo.count(departments, Map.of())).isInstanceOf(UnsupportedJoinException.class);
            assertThatThrownBy(() -> repo.rows(employees, Map.of())).isInstanceOf(UnsupportedJoinException.class);
            return;
        }
        List<Employee> models = repo.list(employees, Map.of());
        assertThat(ids(models)).containsExactly(1L, 2L, 3L, 4L, 5L).isEqualTo(firstColumn(repo, "SELECT e.id FROM employees e FULL JOIN"
                + " departments d ON d.id = e.department_id WHERE e.id IS NOT NULL ORDER BY e.id"));
        assertThat(models.get(3).<Department>related("department")).isNull();
        assertThat(repo.count(employees, Map.of())).isEqualTo(5);
        assertThat(repo.rows(employees, Map.of())).hasSize(7);
        List<Department> withStaff = repo.list(departments, Map.of());
        assertThat(ids(withStaff)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(withStaff.get(2).<Employee>relatedList("employees")).isEmpty();
        assertThat(repo.count(departments, Map.of())).isEqualTo(4);
        assertThat(repo.rows(departments, Map.of())).hasSize(7).filteredOn(r -> r.get("id") == null)
                .extracting(r -> r.get("employees.name")).containsExactlyInAnyOrder("Mei", "Ken");
    }

    @EngineTest
    void aRootWithoutAPrimaryKeyIsAbsentWhereEveryColumnOfItIsNull(TestDatabase db) {
        ModelRepository repo = repo(db);
        var q = ModelQuery.from(Shift.class, "s").join(right(Employee.class, "e").on(eq("e.id", col("s.employee_id")))).orderBy(asc("e.id"));
        List<Shift> shifts = repo.list(q, Map.of());
        assertThat(shifts).extracting(s -> s.get("label")).containsExactly("early", "late");
        assertThat(shifts).extracting(s -> s.get("e.name")).containsExactly("Taro", "Hana");
        assertThat(repo.count(q, Map.of())).isEqualTo(2);
        assertThat(repo.rows(q, Map.of())).hasSize(5).extracting(r -> r.get("e.name")).containsExactly("Taro", "Jiro", "Hana", "Mei", "Ken");
        // without a RIGHT or FULL join, the shift whose every column is NULL is a row of the table like any other
        assertThat(repo.list(ModelQuery.from(Shift.class, "s"), Map.of())).hasSize(3);
        assertThat(repo.count(ModelQuery.from(Shift.class, "s"), Map.of())).isEqualTo(3);
        if (hasFullJoin(db.engine())) {
            // under a FULL join it cannot be told from a missing shift: it is not a root, though rows(...) still has it
            var full = ModelQuery.from(Shift.class, "s").join(full(Employee.class, "e").on(eq("e.id", col("s.employee_id"))));
            assertThat(repo.list(full, Map.of())).extracting(s -> s.get("label")).containsExactlyInAnyOrder("early", "late");
            assertThat(repo.count(full, Map.of())).isEqualTo(2);
            assertThat(repo.rows(full, Map.of())).hasSize(6);
        }
    }

    @EngineTest
    void aRootWithACompositeKeyIsAbsentWhereItsKeyIsNull(TestDatabase db) {
        ModelRepository repo = repo(db);
        var q = ModelQuery.from(Assignment.class, "a").join(right("department")).orderBy(asc("department.id"), asc("a.slot"));
        List<Assignment> assignments = repo.list(q, Map.of());
        assertThat(assignments).extracting(a -> a.get("note")).containsExactly("a", "b", "c");
        assertThat(assignments).allSatisfy(a -> assertThat(a.key().get("department_id")).isNotNull());
        assertThat(repo.count(q, Map.of())).isEqualTo(3);
        assertThat(repo.rows(q, Map.of())).hasSize(5).extracting(r -> r.get("department.name"))
                .containsExactly("Sales", "Sales", "Dev", "Empty", "Vacant");
    }
}

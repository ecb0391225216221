package dev.modelrepo.benchmarks;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import dev.modelrepo.repository.ModelRepository;

/**
 * Checks, before measuring, that every contender reads the same rows with the same values: a benchmark that
 * is fast because it reads nothing, or the wrong thing, must fail rather than report.
 */
final class Sanity {

    private Sanity() {
    }

    static void check(QueryBenchmarks b) throws SQLException {
        ModelRepository repo = b.repo();
        for (long id : new long[] { 1, 2, 101, 5_000, Database.ROWS }) {
            EmployeeRow jdbc = b.jdbcFindById(id);
            EmployeeRow template = b.jdbcTemplate().query(QueryBenchmarks.FIND_BY_ID_SQL, EmployeeRow.ROW_MAPPER, id).get(0);
            Employee model = repo.first(b.byId(), Map.of("id", id)).orElseThrow(() -> new IllegalStateException("no row " + id));
            Employee byApi = repo.findById(Employee.class, id).orElseThrow();
            require(jdbc != null && jdbc.id() == id, "jdbc findById " + id + ": " + jdbc);
            require(jdbc.equals(template), "JdbcTemplate differs: " + template + " vs " + jdbc);
            require(jdbc.equals(toRow(model)), "modelrepo differs: " + toRow(model) + " vs " + jdbc);
            require(jdbc.equals(toRow(byApi)), "modelrepo findById differs: " + toRow(byApi) + " vs " + jdbc);
        }
        for (int k : new int[] { 0, 1, 99, 100, 350, Database.DEPARTMENTS * 6 - 1 }) {
            long dept = QueryBenchmarks.department(k);
            int min = QueryBenchmarks.minSalary(k);
            List<EmployeeRow> jdbc = b.jdbcList10(dept, min);
            List<EmployeeRow> template = b.jdbcTemplate().query(QueryBenchmarks.LIST_SQL, EmployeeRow.ROW_MAPPER, dept, min);
            List<EmployeeRow> models = repo.list(b.list10(), Map.of("dept", dept, "min", min)).stream().map(Sanity::toRow).toList();
            require(jdbc.size() == 10, "jdbc list for department " + dept + " from " + min + " has " + jdbc.size() + " rows");
            // salaries, not ids: rows tied on salary may come in either order
            require(salaries(jdbc).equals(salaries(template)) && salaries(jdbc).equals(salaries(models)),
                    "lists differ for department " + dept + ": " + jdbc + " / " + template + " / " + models);
            for (EmployeeRow row : models) {
                require(row.departmentId() == dept && row.salary() >= min, "modelrepo row outside the filter: " + row);
            }
        }
    }

    private static List<Integer> salaries(List<EmployeeRow> rows) {
        return rows.stream().map(EmployeeRow::salary).toList();
    }

    static EmployeeRow toRow(Employee e) {
        return new EmployeeRow(e.get("id", Long.class), e.get("department_id", Long.class), e.get("manager_id", Long.class),
                e.get("name"), e.get("email"), e.get("title"), e.get("salary", Integer.class),
                e.get("active", Boolean.class), e.get("hired_on", LocalDate.class), e.get("created_at", LocalDateTime.class));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("Sanity check failed: " + message);
        }
    }
}

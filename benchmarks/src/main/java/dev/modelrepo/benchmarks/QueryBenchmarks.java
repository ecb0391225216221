package dev.modelrepo.benchmarks;

import static dev.modelrepo.query.Q.and;
import static dev.modelrepo.query.Q.desc;
import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.ge;
import static dev.modelrepo.query.Q.param;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;

/**
 * Reads through modelrepo against hand-written JDBC (the baseline: a {@link PreparedStatement} per call on a
 * pooled connection, mapping by column index into {@link EmployeeRow}) and Spring's {@link JdbcTemplate}, on the
 * same H2 database and the same pool. Two shapes: a single row by primary key, and the top 10 of a department
 * above a salary, by salary descending (through the {@code (department_id, salary)} index). modelrepo runs each
 * shape twice: with the query object built once and reused, and rebuilt on every call (as a service that builds
 * its query per request would), which costs building it and a cache lookup by shape equality.
 * <p>
 * Every call reads another id, or another department and salary floor, from a cheap counter, so no contender
 * reads one hot row. Every result is consumed into the {@link Blackhole}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class QueryBenchmarks {

    static final String FIND_BY_ID_SQL = "SELECT " + EmployeeRow.COLUMNS + " FROM employees WHERE id = ?";

    static final String LIST_SQL = "SELECT " + EmployeeRow.COLUMNS
            + " FROM employees WHERE department_id = ? AND salary >= ? ORDER BY salary DESC LIMIT 10";

    private DataSource dataSource;

    private JdbcTemplate jdbcTemplate;

    private ModelRepository repo;

    private ModelQuery<Employee> byId;

    private ModelQuery<Employee> list10;

    private long idCursor;

    private int listCursor;

    @Setup(Level.Trial)
    public void setUp(Database database) throws SQLException {
        dataSource = database.dataSource();
        jdbcTemplate = database.jdbcTemplate();
        repo = database.repository();
        byId = byIdQuery(repo);
        list10 = list10Query(repo);
        Sanity.check(this);
    }

    static ModelQuery<Employee> byIdQuery(ModelRepository repo) {
        return repo.query(Employee.class, "e").where(eq("e.id", param("id")));
    }

    static ModelQuery<Employee> list10Query(ModelRepository repo) {
        return repo.query(Employee.class, "e")
                .where(and(eq("e.department_id", param("dept")), ge("e.salary", param("min"))))
                .orderBy(desc("e.salary"))
                .limit(10);
    }

    /** The next id: a stride coprime with the row count, so every row is visited and neighbours are not. */
    long nextId() {
        long id = idCursor + 7_919;
        if (id > Database.ROWS) {
            id -= Database.ROWS;
        }
        idCursor = id;
        return id;
    }

    /** The next list filter: department 1..100, and a salary floor that leaves about 60–100 candidates. */
    int nextList() {
        int k = listCursor + 1;
        if (k == Database.DEPARTMENTS * 6) {
            k = 0;
        }
        listCursor = k;
        return k;
    }

    static long department(int k) {
        return k % Database.DEPARTMENTS + 1;
    }

    static int minSalary(int k) {
        return Database.MIN_SALARY + (k / Database.DEPARTMENTS) * 10_000;
    }

    // ------------------------------------------------------------ findById

    @Benchmark
    public void jdbcFindById(Blackhole bh) throws SQLException {
        consume(bh, jdbcFindById(nextId()));
    }

    EmployeeRow jdbcFindById(long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(FIND_BY_ID_SQL)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? EmployeeRow.map(rs) : null;
            }
        }
    }

    @Benchmark
    public void jdbcTemplateFindById(Blackhole bh) {
        List<EmployeeRow> rows = jdbcTemplate.query(FIND_BY_ID_SQL, EmployeeRow.ROW_MAPPER, nextId());
        consume(bh, rows.get(0));
    }

    @Benchmark
    public void modelrepoFindById(Blackhole bh) {
        Employee e = repo.first(byId, Map.of("id", nextId())).orElseThrow();
        bh.consume(e.get("name"));
        bh.consume(e);
    }

    @Benchmark
    public void modelrepoFindByIdRebuilt(Blackhole bh) {
        ModelQuery<Employee> query = repo.query(Employee.class, "e").where(eq("e.id", param("id")));
        Employee e = repo.first(query, Map.of("id", nextId())).orElseThrow();
        bh.consume(e.get("name"));
        bh.consume(e);
    }

    // ------------------------------------------------------------ list of 10

    @Benchmark
    public void jdbcList10(Blackhole bh) throws SQLException {
        int k = nextList();
        consumeRows(bh, jdbcList10(department(k), minSalary(k)));
    }

    List<EmployeeRow> jdbcList10(long department, int minSalary) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(LIST_SQL)) {
            ps.setLong(1, department);
            ps.setInt(2, minSalary);
            try (ResultSet rs = ps.executeQuery()) {
                List<EmployeeRow> rows = new ArrayList<>(10);
                while (rs.next()) {
                    rows.add(EmployeeRow.map(rs));
                }
                return rows;
            }
        }
    }

    @Benchmark
    public void jdbcTemplateList10(Blackhole bh) {
        int k = nextList();
        consumeRows(bh, jdbcTemplate.query(LIST_SQL, EmployeeRow.ROW_MAPPER, department(k), minSalary(k)));
    }

    @Benchmark
    public void modelrepoList10(Blackhole bh) {
        int k = nextList();
        consume(bh, repo.list(list10, Map.of("dept", department(k), "min", minSalary(k))));
    }

    @Benchmark
    public void modelrepoList10Rebuilt(Blackhole bh) {
        int k = nextList();
        ModelQuery<Employee> query = repo.query(Employee.class, "e")
                .where(and(eq("e.department_id", param("dept")), ge("e.salary", param("min"))))
                .orderBy(desc("e.salary"))
                .limit(10);
        consume(bh, repo.list(query, Map.of("dept", department(k), "min", minSalary(k))));
    }

    /** The baseline consumes what modelrepo's contenders do: a column value and the row object. */
    private static void consume(Blackhole bh, EmployeeRow row) {
        bh.consume(row.name());
        bh.consume(row);
    }

    private static void consumeRows(Blackhole bh, List<EmployeeRow> rows) {
        for (int i = 0, n = rows.size(); i < n; i++) {
            consume(bh, rows.get(i));
        }
    }

    private static void consume(Blackhole bh, List<Employee> rows) {
        for (int i = 0, n = rows.size(); i < n; i++) {
            Employee e = rows.get(i);
            bh.consume(e.get("name"));
            bh.consume(e);
        }
    }

    // ------------------------------------------------------------ for Sanity

    ModelRepository repo() {
        return repo;
    }

    JdbcTemplate jdbcTemplate() {
        return jdbcTemplate;
    }

    ModelQuery<Employee> byId() {
        return byId;
    }

    ModelQuery<Employee> list10() {
        return list10;
    }
}

package dev.modelrepo.benchmarks.peers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.benchmarks.EmployeeRow;
import dev.modelrepo.benchmarks.peers.springdata.SdjBigEmployee;
import dev.modelrepo.model.Model;
import dev.modelrepo.repository.ModelRepository;

/**
 * Streaming {@value #ROWS} rows (the 10 columns of employees) through each contender's cursor, one shot per
 * iteration ({@link Mode#SingleShotTime}): every row is mapped and consumed, nothing is kept. Every contender
 * streams inside a Spring transaction (PostgreSQL needs one for a server-side cursor) with a fetch size of
 * {@value #FETCH_SIZE} (modelrepo's default); H2 runs with {@code LAZY_QUERY_EXECUTION=TRUE} so that it does not
 * materialize the result. Heap: run with {@code -prof dev.modelrepo.benchmarks.peers.HeapProfiler} (peak live heap
 * over the shot, from the heap after each GC) and {@code -prof gc} (bytes allocated per shot); the forks use a fixed
 * 64 MB young generation so that collections happen during every shot.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-Xmn64m", "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true" })
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class CursorBenchmarks {

    public static final int ROWS = 1_000_000;

    public static final int FETCH_SIZE = 500;

    /** The 1M-row table, per engine: created per fork on H2, kept across forks (and re-used if complete) on PostgreSQL. */
    @State(Scope.Benchmark)
    public static class Big {

        @Param({ "h2", "postgresql" })
        public String engine;

        Engine db;

        HikariDataSource dataSource;

        TransactionTemplate tx;

        @Setup(Level.Trial)
        public void start() throws SQLException {
            db = Engine.of(engine);
            dataSource = Fixture.pool(db, db.jdbcUrl(";LAZY_QUERY_EXECUTION=TRUE"));
            createTable();
            tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (dataSource != null) {
                dataSource.close();
            }
        }

        private void createTable() throws SQLException {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                if (db == Engine.POSTGRESQL) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'employees_big'")) {
                        rs.next();
                        if (rs.getInt(1) == 1 && Fixture.count(c, "employees_big") == ROWS) {
                            return;
                        }
                    }
                }
                s.execute("DROP TABLE IF EXISTS employees_big");
                s.execute(Fixture.employeeColumns("employees_big"));
                String x = db == Engine.H2 ? "X" : "x";
                String title = "CASE MOD(" + x + ", 6) WHEN 0 THEN 'Engineer' WHEN 1 THEN 'Senior Engineer' WHEN 2 THEN 'Manager'"
                        + " WHEN 3 THEN 'Analyst' WHEN 4 THEN 'Designer' END";
                String values = x + ", MOD(" + x + " - 1, 100) + 1, CASE WHEN " + x + " <= 100 THEN NULL ELSE MOD(" + x + " - 1, 100) + 1 END,"
                        + " 'Employee ' || " + x + ", 'employee' || " + x + " || '@example.com', " + title + ","
                        + " 30000 + MOD(" + x + " * 7919, 170000), MOD(" + x + ", 10) <> 0, ";
                String insert = "INSERT INTO employees_big (id, department_id, manager_id, name, email, title, salary, active, hired_on,"
                        + " created_at) SELECT " + values + (db == Engine.H2
                                ? "DATEADD(DAY, MOD(X, 3650), DATE '2015-01-01'), DATEADD(SECOND, MOD(X * 104729, 150000000), TIMESTAMP '2020-01-01 09:00:00')"
                                        + " FROM SYSTEM_RANGE(1, " + ROWS + ")"
                                : "DATE '2015-01-01' + (x % 3650)::int, TIMESTAMP '2020-01-01 09:00:00' + (x * 104729 % 150000000) * INTERVAL '1 second'"
                                        + " FROM generate_series(1::bigint, " + ROWS + ") AS g(x)");
                s.execute(insert);
                s.execute(db == Engine.H2 ? "ANALYZE" : "VACUUM (FREEZE, ANALYZE) employees_big");
            }
        }
    }

    /** Each contender's cursor, set up only in its own fork. */
    private JdbcTemplate jdbcTemplate;

    private DSLContext jooq;

    private org.jdbi.v3.core.Jdbi jdbi;

    private SpringDataContender springData;

    private ModelRepository repo;

    private TransactionTemplate tx;

    private DataSource dataSource;

    static final Table<Record> BIG = DSL.table(DSL.name("employees_big")).as("e");

    @Setup(Level.Trial)
    public void setUp(Big big, org.openjdk.jmh.infra.BenchmarkParams params) {
        dataSource = big.dataSource;
        tx = big.tx;
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        switch (method) {
            case "cursor_jdbcTemplate" -> {
                jdbcTemplate = new JdbcTemplate(dataSource);
                jdbcTemplate.setFetchSize(FETCH_SIZE);
            }
            case "cursor_jooq" -> jooq = JooqContender.create(new org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy(dataSource), big.db);
            case "cursor_jdbi" -> jdbi = JdbiContender.transactional(dataSource);
            case "cursor_springData" -> {
                springData = new SpringDataContender();
                springData.start(dataSource);
                springData.jdbcTemplate().setFetchSize(FETCH_SIZE);
            }
            case "cursor_modelrepo" -> repo = ModelRepository.builder(dataSource).build();
            default -> {
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (springData != null) {
            springData.stop();
        }
    }

    static long check(long rows) {
        if (rows != ROWS) {
            throw new IllegalStateException("streamed " + rows + " rows, not " + ROWS);
        }
        return rows;
    }

    @Benchmark
    public long cursor_jdbc(Blackhole bh) {
        return check(tx.execute(s -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try (PreparedStatement ps = c.prepareStatement(Sql.CURSOR, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH_SIZE);
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        EmployeeRow row = EmployeeRow.map(rs);
                        bh.consume(row.name());
                        bh.consume(row);
                        n++;
                    }
                }
                return n;
            }
            catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
            finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        }));
    }

    @Benchmark
    public long cursor_jdbcTemplate(Blackhole bh) {
        return check(tx.execute(s -> {
            try (Stream<EmployeeRow> rows = jdbcTemplate.queryForStream(Sql.CURSOR, EmployeeRow.ROW_MAPPER)) {
                return consumeRows(bh, rows.iterator());
            }
        }));
    }

    @Benchmark
    public long cursor_jooq(Blackhole bh) {
        return check(tx.execute(s -> {
            try (org.jooq.Cursor<? extends Record> cursor = jooq.select(JooqContender.ID, JooqContender.DEPARTMENT_ID,
                    JooqContender.MANAGER_ID, JooqContender.NAME, JooqContender.EMAIL, JooqContender.TITLE, JooqContender.SALARY,
                    JooqContender.ACTIVE, JooqContender.HIRED_ON, JooqContender.CREATED_AT).from(BIG).fetchSize(FETCH_SIZE).fetchLazy()) {
                long n = 0;
                for (Record r : cursor) {
                    EmployeeRow row = JooqContender.row(r);
                    bh.consume(row.name());
                    bh.consume(row);
                    n++;
                }
                return n;
            }
        }));
    }

    @Benchmark
    public long cursor_jdbi(Blackhole bh) {
        return check(tx.execute(s -> jdbi.withHandle(h -> {
            try (Stream<EmployeeRow> rows = h.createQuery(Sql.CURSOR).setFetchSize(FETCH_SIZE).map(JdbiContender.EMPLOYEE).stream()) {
                return consumeRows(bh, rows.iterator());
            }
        })));
    }

    @Benchmark
    public long cursor_springData(Blackhole bh) {
        return check(tx.execute(s -> {
            try (Stream<SdjBigEmployee> rows = springData.big.streamAll()) {
                long n = 0;
                for (Iterator<SdjBigEmployee> it = rows.iterator(); it.hasNext();) {
                    SdjBigEmployee e = it.next();
                    bh.consume(e.name);
                    bh.consume(e);
                    n++;
                }
                return n;
            }
        }));
    }

    @Benchmark
    public long cursor_modelrepo(Blackhole bh) {
        return check(tx.execute(s -> {
            try (Stream<BigEmployee> rows = repo.stream(repo.query(BigEmployee.class, "e"), Map.of())) {
                long n = 0;
                for (Iterator<BigEmployee> it = rows.iterator(); it.hasNext();) {
                    Model e = it.next();
                    bh.consume(e.<Object>get("name"));
                    bh.consume(e);
                    n++;
                }
                return n;
            }
        }));
    }

    private static long consumeRows(Blackhole bh, Iterator<EmployeeRow> rows) {
        long n = 0;
        while (rows.hasNext()) {
            EmployeeRow row = rows.next();
            bh.consume(row.name());
            bh.consume(row);
            n++;
        }
        return n;
    }
}

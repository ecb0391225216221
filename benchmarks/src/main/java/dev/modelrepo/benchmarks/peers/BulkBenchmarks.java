package dev.modelrepo.benchmarks.peers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jdbi.v3.core.statement.PreparedBatch;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.benchmarks.peers.springdata.SdjBulkEmployee;
import dev.modelrepo.benchmarks.peers.springdata.SdjBulkEmployeeRepository;
import dev.modelrepo.benchmarks.peers.springdata.SpringDataConfig;
import dev.modelrepo.repository.ModelRepository;

/**
 * The bulk workloads against the peers, one shot per iteration ({@link Mode#SingleShotTime}), each in one
 * transaction, on a table of its own ({@code employees_bulk}, the employees' columns):
 * <ul>
 * <li>{@code insertBulk}: {@value #INSERTED} new rows (generated ids), into an empty table;
 * <li>{@code updateBulk}: salary and title of {@value #CHANGED} rows by id, new values every shot;
 * <li>{@code deleteBulk}: {@value #CHANGED} rows by id, reloaded before every shot.
 * </ul>
 * The baseline {@code jdbc} is a plain {@code PreparedStatement} batch ({@value #BATCH} rows per
 * {@code executeBatch}), as JdbcTemplate ({@code batchUpdate}), jOOQ ({@code batch(…).bind(…)}) and Jdbi
 * ({@code PreparedBatch}) run it; Spring Data JDBC runs {@code saveAll} and {@code deleteAllById}; modelrepo
 * {@code insertBulk}, {@code updateBulk} and {@code deleteBulk} (its fast path per database: COPY, unnest and
 * {@code = ANY} on PostgreSQL, batches on H2). The {@code bulk} profile of run.sh measures modelrepo against the
 * fastest hand-written paths (COPY, unnest) as well. After every shot the table is checked (row count, or the sum of
 * the salaries written), so a contender that skipped work fails the run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// the heap is touched up front: otherwise the first shots pay the kernel's page faults for it (seen as ±100% errors on H2)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true" })
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class BulkBenchmarks {

    public static final int INSERTED = 100_000;

    public static final int CHANGED = 10_000;

    static final int BATCH = 1_000;

    static final String TABLE = "employees_bulk";

    static final String INSERT = "INSERT INTO " + TABLE + " (department_id, manager_id, name, email, title, salary, active, hired_on,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String UPDATE = "UPDATE " + TABLE + " SET salary = ?, title = ? WHERE id = ?";

    static final String DELETE = "DELETE FROM " + TABLE + " WHERE id = ?";

    static final List<String> COLUMNS = List.of("department_id", "manager_id", "name", "email", "title", "salary", "active",
            "hired_on", "created_at");

    /** One row's values besides its id. */
    record Row(long departmentId, Long managerId, String name, String email, String title, int salary, boolean active,
            LocalDate hiredOn, LocalDateTime createdAt) {

        Map<String, Object> map() {
            Map<String, Object> m = new HashMap<>(16);
            m.put("department_id", departmentId);
            m.put("manager_id", managerId);
            m.put("name", name);
            m.put("email", email);
            m.put("title", title);
            m.put("salary", salary);
            m.put("active", active);
            m.put("hired_on", hiredOn);
            m.put("created_at", createdAt);
            return m;
        }

        SdjBulkEmployee entity(Long id) {
            SdjBulkEmployee e = new SdjBulkEmployee();
            e.id = id;
            e.departmentId = departmentId;
            e.managerId = managerId;
            e.name = name;
            e.email = email;
            e.title = title;
            e.salary = salary;
            e.active = active;
            e.hiredOn = hiredOn;
            e.createdAt = createdAt;
            return e;
        }
    }

    /** Row {@code i} (1-based): the same values in every fork. */
    static Row row(int i) {
        long department = (i - 1) % Fixture.DEPARTMENTS + 1;
        return new Row(department, i <= Fixture.DEPARTMENTS ? null : department, "Bulk " + i, "bulk" + i + "@example.com",
                Fixture.TITLES[i % Fixture.TITLES.length], Fixture.MIN_SALARY + (i * 7_919) % 170_000, i % 10 != 0,
                LocalDate.of(2015, 1, 1).plusDays(i % 3_650), LocalDateTime.of(2020, 1, 1, 9, 0).plusSeconds(i * 104_729L % 150_000_000));
    }

    /** The salary row {@code id} gets in update shot {@code shot}. */
    static int salary(long id, int shot) {
        return Fixture.MIN_SALARY + (int) ((id * 31 + shot * 977L) % 170_000);
    }

    static String title(long id, int shot) {
        return Fixture.TITLES[(int) ((id + shot) % (Fixture.TITLES.length - 1))];
    }

    @Param({ "h2", "postgresql" })
    public String engine;

    private Engine db;

    private HikariDataSource dataSource;

    private String contender;

    private String workload;

    private TransactionTemplate tx;

    private JdbcTemplate jdbcTemplate;

    private DSLContext jooq;

    private org.jdbi.v3.core.Jdbi jdbi;

    private AnnotationConfigApplicationContext springData;

    private SdjBulkEmployeeRepository sdjRepository;

    private TransactionTemplate sdjTx;

    private ModelRepository repo;

    private final List<Row> rows = new ArrayList<>();

    private final List<Map<String, Object>> maps = new ArrayList<>();

    private final List<SdjBulkEmployee> entities = new ArrayList<>();

    private final List<Long> ids = new ArrayList<>();

    private int shot;

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) throws SQLException {
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        workload = method.substring(0, method.indexOf('_'));
        contender = method.substring(method.indexOf('_') + 1);
        db = Engine.of(engine);
        String url = db.jdbcUrl("");
        if (db == Engine.POSTGRESQL) {
            // as in Fixture: every pooled session commits without waiting for the WAL flush
            try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("ALTER DATABASE " + Engine.PG_DATABASE + " SET synchronous_commit = off");
            }
        }
        dataSource = Fixture.pool(db, url);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute(Fixture.employeeColumns(TABLE));
        }
        tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        switch (contender) {
            case "jdbcTemplate" -> jdbcTemplate = new JdbcTemplate(dataSource);
            case "jooq" -> jooq = JooqContender.create(dataSource, db);
            case "jdbi" -> jdbi = org.jdbi.v3.core.Jdbi.create(dataSource);
            case "springData" -> {
                springData = SpringDataConfig.start(dataSource);
                sdjRepository = springData.getBean(SdjBulkEmployeeRepository.class);
                sdjTx = new TransactionTemplate(springData.getBean(PlatformTransactionManager.class));
            }
            case "modelrepo" -> repo = ModelRepository.create(dataSource);
            default -> {
            }
        }
        int n = workload.equals("insertBulk") ? INSERTED : CHANGED;
        for (int i = 1; i <= n; i++) {
            rows.add(row(i));
            ids.add((long) i);
        }
        if (workload.equals("updateBulk")) {
            load(CHANGED);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        if (dataSource != null) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + TABLE);
            }
        }
        // the Spring Data context closes the pool (its DataSource bean) with it
        if (springData != null) {
            springData.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
    }

    /** Empties the table and loads rows 1..n with their ids (outside the measurement). */
    private void load(int n) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE TABLE " + TABLE + " RESTART IDENTITY");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id, department_id, manager_id, name, email,"
                    + " title, salary, active, hired_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= n; i++) {
                    ps.setLong(1, i);
                    bind(ps, 1, rows.get(i - 1));
                    ps.addBatch();
                    if (i % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + TABLE + " ALTER COLUMN id RESTART WITH " + (n + 1));
                s.execute(db == Engine.POSTGRESQL ? "VACUUM ANALYZE " + TABLE : "ANALYZE");
            }
        }
    }

    /** Each contender's input in the form its API takes, built before the shot. */
    @Setup(Level.Invocation)
    public void prepare() throws SQLException {
        shot++;
        maps.clear();
        entities.clear();
        switch (workload) {
            case "insertBulk" -> {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    s.execute("TRUNCATE TABLE " + TABLE + " RESTART IDENTITY");
                }
                for (Row r : rows) {
                    if (contender.equals("modelrepo")) {
                        maps.add(r.map());
                    }
                    else if (contender.equals("springData")) {
                        entities.add(r.entity(null));
                    }
                }
            }
            case "updateBulk" -> {
                for (int i = 1; i <= CHANGED; i++) {
                    if (contender.equals("modelrepo")) {
                        maps.add(Map.of("id", (long) i, "salary", salary(i, shot), "title", title(i, shot)));
                    }
                    else if (contender.equals("springData")) {
                        SdjBulkEmployee e = rows.get(i - 1).entity((long) i);
                        e.salary = salary(i, shot);
                        e.title = title(i, shot);
                        entities.add(e);
                    }
                }
            }
            case "deleteBulk" -> {
                load(CHANGED);
                if (contender.equals("modelrepo")) {
                    for (long id : ids) {
                        maps.add(Map.of("id", id));
                    }
                }
            }
            default -> throw new IllegalStateException(workload);
        }
    }

    /** Fails the run when the shot did not do its work. */
    @TearDown(Level.Invocation)
    public void check() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            switch (workload) {
                case "insertBulk" -> require(Fixture.count(c, TABLE) == INSERTED, "rows after insertBulk");
                case "deleteBulk" -> require(Fixture.count(c, TABLE) == 0, "rows after deleteBulk");
                case "updateBulk" -> {
                    long expected = 0;
                    for (int i = 1; i <= CHANGED; i++) {
                        expected += salary(i, shot);
                    }
                    try (ResultSet rs = s.executeQuery("SELECT SUM(salary), COUNT(*) FROM " + TABLE + " WHERE title = "
                            + "CASE MOD(id + " + shot + ", " + (Fixture.TITLES.length - 1) + ")"
                            + titleCases() + " END")) {
                        rs.next();
                        require(rs.getLong(1) == expected && rs.getLong(2) == CHANGED, "salaries and titles after updateBulk");
                    }
                }
                default -> throw new IllegalStateException(workload);
            }
        }
    }

    private static String titleCases() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Fixture.TITLES.length - 1; i++) {
            sb.append(" WHEN ").append(i).append(" THEN '").append(Fixture.TITLES[i]).append('\'');
        }
        return sb.toString();
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(contender + " on " + engine + ": wrong " + what + " (shot " + shot + ")");
        }
    }

    static int bind(PreparedStatement ps, int offset, Row r) throws SQLException {
        ps.setLong(offset + 1, r.departmentId());
        if (r.managerId() == null) {
            ps.setNull(offset + 2, java.sql.Types.BIGINT);
        }
        else {
            ps.setLong(offset + 2, r.managerId());
        }
        ps.setString(offset + 3, r.name());
        ps.setString(offset + 4, r.email());
        ps.setString(offset + 5, r.title());
        ps.setInt(offset + 6, r.salary());
        ps.setBoolean(offset + 7, r.active());
        ps.setObject(offset + 8, r.hiredOn());
        ps.setObject(offset + 9, r.createdAt());
        return offset + 9;
    }

    /** A statement batched over {@code n} items in one transaction, {@value #BATCH} per executeBatch. */
    private int jdbcBatch(String sql, int n, Binder binder) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int total = 0;
                for (int i = 0; i < n; i++) {
                    binder.bind(ps, i);
                    ps.addBatch();
                    if ((i + 1) % BATCH == 0 || i == n - 1) {
                        for (int count : ps.executeBatch()) {
                            total += count == Statement.SUCCESS_NO_INFO ? 1 : count;
                        }
                    }
                }
                c.commit();
                return total;
            }
            catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
            finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** The rows JdbcTemplate's batches report (a driver that does not count reports SUCCESS_NO_INFO per row). */
    static int total(int[][] counts) {
        int total = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                total += count == Statement.SUCCESS_NO_INFO ? 1 : count;
            }
        }
        return total;
    }

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps, int i) throws SQLException;
    }

    // ------------------------------------------------------------ insertBulk

    @Benchmark
    public int insertBulk_jdbc() throws SQLException {
        return jdbcBatch(INSERT, INSERTED, (ps, i) -> bind(ps, 0, rows.get(i)));
    }

    @Benchmark
    public int insertBulk_jdbcTemplate() {
        return tx.execute(s -> total(jdbcTemplate.batchUpdate(INSERT, rows, BATCH, (ps, r) -> bind(ps, 0, r))));
    }

    static final Table<Record> JOOQ_TABLE = DSL.table(DSL.name(TABLE));

    static final Field<Long> J_ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);

    @Benchmark
    public int insertBulk_jooq() {
        return jooq.transactionResult(cfg -> {
            DSLContext t = DSL.using(cfg);
            var insert = t.insertInto(JOOQ_TABLE, JooqContender.W_DEPARTMENT_ID, JooqContender.W_MANAGER_ID, JooqContender.W_NAME,
                    JooqContender.W_EMAIL, JooqContender.W_TITLE, JooqContender.W_SALARY, JooqContender.W_ACTIVE,
                    JooqContender.W_HIRED_ON, JooqContender.W_CREATED_AT)
                    .values((Long) null, null, null, null, null, null, null, null, null);
            int total = 0;
            for (int from = 0; from < rows.size(); from += BATCH) {
                BatchBindStep batch = t.batch(insert);
                for (Row r : rows.subList(from, Math.min(from + BATCH, rows.size()))) {
                    batch.bind(r.departmentId(), r.managerId(), r.name(), r.email(), r.title(), r.salary(), r.active(), r.hiredOn(),
                            r.createdAt());
                }
                total += batch.execute().length;
            }
            return total;
        });
    }

    @Benchmark
    public int insertBulk_jdbi() {
        return jdbi.inTransaction(h -> {
            int total = 0;
            for (int from = 0; from < rows.size(); from += BATCH) {
                PreparedBatch batch = h.prepareBatch(INSERT);
                for (Row r : rows.subList(from, Math.min(from + BATCH, rows.size()))) {
                    batch.bind(0, r.departmentId()).bind(1, r.managerId()).bind(2, r.name()).bind(3, r.email()).bind(4, r.title())
                            .bind(5, r.salary()).bind(6, r.active()).bind(7, r.hiredOn()).bind(8, r.createdAt()).add();
                }
                total += batch.execute().length;
            }
            return total;
        });
    }

    @Benchmark
    public int insertBulk_springData() {
        return sdjTx.execute(s -> {
            int total = 0;
            for (SdjBulkEmployee ignored : sdjRepository.saveAll(entities)) {
                total++;
            }
            return total;
        });
    }

    @Benchmark
    public int insertBulk_modelrepo() {
        return repo.bulk().insertBulk(BulkEmployee.class, COLUMNS, maps);
    }

    // ------------------------------------------------------------ updateBulk

    @Benchmark
    public int updateBulk_jdbc() throws SQLException {
        int s = shot;
        return jdbcBatch(UPDATE, CHANGED, (ps, i) -> {
            long id = i + 1L;
            ps.setInt(1, salary(id, s));
            ps.setString(2, title(id, s));
            ps.setLong(3, id);
        });
    }

    @Benchmark
    public int updateBulk_jdbcTemplate() {
        int shotNow = shot;
        return tx.execute(s -> total(jdbcTemplate.batchUpdate(UPDATE, ids, BATCH, (ps, id) -> {
            ps.setInt(1, salary(id, shotNow));
            ps.setString(2, title(id, shotNow));
            ps.setLong(3, id);
        })));
    }

    @Benchmark
    public int updateBulk_jooq() {
        int shotNow = shot;
        return jooq.transactionResult(cfg -> {
            DSLContext t = DSL.using(cfg);
            var update = t.update(JOOQ_TABLE).set(JooqContender.W_SALARY, (Integer) null).set(JooqContender.W_TITLE, (String) null)
                    .where(J_ID.eq((Long) null));
            int total = 0;
            for (int from = 0; from < ids.size(); from += BATCH) {
                BatchBindStep batch = t.batch(update);
                for (long id : ids.subList(from, Math.min(from + BATCH, ids.size()))) {
                    batch.bind(salary(id, shotNow), title(id, shotNow), id);
                }
                total += batch.execute().length;
            }
            return total;
        });
    }

    @Benchmark
    public int updateBulk_jdbi() {
        int shotNow = shot;
        return jdbi.inTransaction(h -> {
            int total = 0;
            for (int from = 0; from < ids.size(); from += BATCH) {
                PreparedBatch batch = h.prepareBatch(UPDATE);
                for (long id : ids.subList(from, Math.min(from + BATCH, ids.size()))) {
                    batch.bind(0, salary(id, shotNow)).bind(1, title(id, shotNow)).bind(2, id).add();
                }
                total += batch.execute().length;
            }
            return total;
        });
    }

    @Benchmark
    public int updateBulk_springData() {
        return sdjTx.execute(s -> {
            int total = 0;
            for (SdjBulkEmployee ignored : sdjRepository.saveAll(entities)) {
                total++;
            }
            return total;
        });
    }

    static final List<String> UPDATED_COLUMNS = List.of("id", "salary", "title");

    @Benchmark
    public int updateBulk_modelrepo() {
        return repo.bulk().updateBulk(BulkEmployee.class, UPDATED_COLUMNS, maps);
    }

    // ------------------------------------------------------------ deleteBulk

    @Benchmark
    public int deleteBulk_jdbc() throws SQLException {
        return jdbcBatch(DELETE, CHANGED, (ps, i) -> ps.setLong(1, ids.get(i)));
    }

    @Benchmark
    public int deleteBulk_jdbcTemplate() {
        return tx.execute(s -> total(jdbcTemplate.batchUpdate(DELETE, ids, BATCH, (ps, id) -> ps.setLong(1, id))));
    }

    @Benchmark
    public int deleteBulk_jooq() {
        return jooq.transactionResult(cfg -> {
            DSLContext t = DSL.using(cfg);
            var delete = t.deleteFrom(JOOQ_TABLE).where(J_ID.eq((Long) null));
            int total = 0;
            for (int from = 0; from < ids.size(); from += BATCH) {
                BatchBindStep batch = t.batch(delete);
                for (long id : ids.subList(from, Math.min(from + BATCH, ids.size()))) {
                    batch.bind(id);
                }
                total += batch.execute().length;
            }
            return total;
        });
    }

    @Benchmark
    public int deleteBulk_jdbi() {
        return jdbi.inTransaction(h -> {
            int total = 0;
            for (int from = 0; from < ids.size(); from += BATCH) {
                PreparedBatch batch = h.prepareBatch(DELETE);
                for (long id : ids.subList(from, Math.min(from + BATCH, ids.size()))) {
                    batch.bind(0, id).add();
                }
                total += batch.execute().length;
            }
            return total;
        });
    }

    @Benchmark
    public int deleteBulk_springData() {
        sdjTx.executeWithoutResult(s -> sdjRepository.deleteAllById(ids));
        return ids.size();
    }

    @Benchmark
    public int deleteBulk_modelrepo() {
        return repo.bulk().deleteBulk(BulkEmployee.class, maps);
    }
}

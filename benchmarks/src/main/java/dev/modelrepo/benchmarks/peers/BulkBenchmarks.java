package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.benchmarks.peers.BulkJdbc.BATCH;
import static dev.modelrepo.benchmarks.peers.BulkRow.salary;
import static dev.modelrepo.benchmarks.peers.BulkRow.title;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jdbi.v3.core.statement.PreparedBatch;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
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
 * The baseline {@code jdbc} is a plain {@code PreparedStatement} batch ({@value BulkJdbc#BATCH} rows per
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

    private final List<BulkRow> rows = new ArrayList<>();

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
        dataSource = BulkTable.open(db);
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
            rows.add(BulkRow.row(i));
            ids.add((long) i);
        }
        if (workload.equals("updateBulk")) {
            BulkTable.load(dataSource, db, rows, CHANGED);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        if (dataSource != null) {
            BulkTable.drop(dataSource);
        }
        // the Spring Data context closes the pool (its DataSource bean) with it
        if (springData != null) {
            springData.close();
        }
        if (dataSource != null) {
            dataSource.close();
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
                BulkTable.truncate(dataSource);
                for (BulkRow r : rows) {
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
                        entities.add(rows.get(i - 1).updated(i, shot));
                    }
                }
            }
            case "deleteBulk" -> {
                BulkTable.load(dataSource, db, rows, CHANGED);
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
        BulkTable.check(dataSource, workload, shot, contender + " on " + engine);
    }

    // ------------------------------------------------------------ insertBulk

    @Benchmark
    public int insertBulk_jdbc() throws SQLException {
        return BulkJdbc.jdbcBatch(dataSource, BulkTable.INSERT, INSERTED, (ps, i) -> BulkRow.bind(ps, 0, rows.get(i)));
    }

    @Benchmark
    public int insertBulk_jdbcTemplate() {
        return tx.execute(s -> BulkJdbc.total(jdbcTemplate.batchUpdate(BulkTable.INSERT, rows, BATCH, (ps, r) -> BulkRow.bind(ps, 0, r))));
    }

    @Benchmark
    public int insertBulk_jooq() {
        return jooq.transactionResult(cfg -> {
            DSLContext t = DSL.using(cfg);
            var insert = t.insertInto(BulkTable.JOOQ_TABLE, JooqContender.W_DEPARTMENT_ID, JooqContender.W_MANAGER_ID, JooqContender.W_NAME,
                    JooqContender.W_EMAIL, JooqContender.W_TITLE, JooqContender.W_SALARY, JooqContender.W_ACTIVE,
                    JooqContender.W_HIRED_ON, JooqContender.W_CREATED_AT)
                    .values((Long) null, null, null, null, null, null, null, null, null);
            int total = 0;
            for (int from = 0; from < rows.size(); from += BATCH) {
                BatchBindStep batch = t.batch(insert);
                for (BulkRow r : rows.subList(from, Math.min(from + BATCH, rows.size()))) {
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
                PreparedBatch batch = h.prepareBatch(BulkTable.INSERT);
                for (BulkRow r : rows.subList(from, Math.min(from + BATCH, rows.size()))) {
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
        return repo.bulk().insertBulk(BulkEmployee.class, BulkTable.COLUMNS, maps);
    }

    // ------------------------------------------------------------ updateBulk

    @Benchmark
    public int updateBulk_jdbc() throws SQLException {
        int s = shot;
        return BulkJdbc.jdbcBatch(dataSource, BulkTable.UPDATE, CHANGED, (ps, i) -> {
            long id = i + 1L;
            ps.setInt(1, salary(id, s));
            ps.setString(2, title(id, s));
            ps.setLong(3, id);
        });
    }

    @Benchmark
    public int updateBulk_jdbcTemplate() {
        int shotNow = shot;
        return tx.execute(s -> BulkJdbc.total(jdbcTemplate.batchUpdate(BulkTable.UPDATE, ids, BATCH, (ps, id) -> {
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
            var update = t.update(BulkTable.JOOQ_TABLE).set(JooqContender.W_SALARY, (Integer) null)
                    .set(JooqContender.W_TITLE, (String) null)
                    .where(BulkTable.J_ID.eq((Long) null));
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
                PreparedBatch batch = h.prepareBatch(BulkTable.UPDATE);
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

    @Benchmark
    public int updateBulk_modelrepo() {
        return repo.bulk().updateBulk(BulkEmployee.class, BulkTable.UPDATED_COLUMNS, maps);
    }

    // ------------------------------------------------------------ deleteBulk

    @Benchmark
    public int deleteBulk_jdbc() throws SQLException {
        return BulkJdbc.jdbcBatch(dataSource, BulkTable.DELETE, CHANGED, (ps, i) -> ps.setLong(1, ids.get(i)));
    }

    @Benchmark
    public int deleteBulk_jdbcTemplate() {
        return tx.execute(s -> BulkJdbc.total(jdbcTemplate.batchUpdate(BulkTable.DELETE, ids, BATCH, (ps, id) -> ps.setLong(1, id))));
    }

    @Benchmark
    public int deleteBulk_jooq() {
        return jooq.transactionResult(cfg -> {
            DSLContext t = DSL.using(cfg);
            var delete = t.deleteFrom(BulkTable.JOOQ_TABLE).where(BulkTable.J_ID.eq((Long) null));
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
                PreparedBatch batch = h.prepareBatch(BulkTable.DELETE);
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

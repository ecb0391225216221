package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.benchmarks.peers.Consumers.consume;
import static dev.modelrepo.benchmarks.peers.Consumers.consumeEntities;
import static dev.modelrepo.benchmarks.peers.Consumers.consumeJoined;
import static dev.modelrepo.benchmarks.peers.Consumers.consumeJoinedModels;
import static dev.modelrepo.benchmarks.peers.Consumers.consumeModels;
import static dev.modelrepo.benchmarks.peers.Consumers.consumeRows;
import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.param;

import java.sql.SQLException;
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

import dev.modelrepo.benchmarks.peers.springdata.SdjEmployee;
import dev.modelrepo.benchmarks.peers.springdata.SdjEmployeeWithDepartment;
import dev.modelrepo.model.Model;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;

/**
 * modelrepo against its peers on one workload at a time, on H2 in-memory and PostgreSQL ({@link Fixture}'s
 * {@code engine}). Methods are named {@code workload_contender}:
 * <ul>
 * <li>{@code findById}: one row by primary key;
 * <li>{@code list10}: the top 10 employees of a department above a salary floor, by salary descending (index);
 * <li>{@code join100}: a page of 100 employees by id, each with its department (an inner belongs-to join);
 * <li>{@code insert}: one row, returning its generated id (ids above {@link Fixture#ROWS} are deleted after each
 * iteration);
 * <li>{@code update}: one row's salary, by primary key.
 * </ul>
 * Contenders: {@code jdbc} (the baseline: a {@code PreparedStatement} per call, mapped by index into a record),
 * {@code jdbcTemplate}, {@code jooq}, {@code springData}, {@code jdbi}, and modelrepo with its query object reused
 * ({@code modelrepo}), rebuilt per call ({@code modelrepoRebuilt}), with the query cache disabled
 * ({@code modelrepoNoCache}) and with Micrometer observations on ({@code modelrepoMetrics}). Every call reads
 * another id, page or filter, and every result is consumed into the {@link Blackhole}: a column value and the row
 * object (and the department's name for joined rows).
 * <p>
 * Bulk workloads (insert 100k, update 10k, delete 10k rows) belong in a sibling class ({@code BulkBenchmarks}) with
 * {@link Mode#SingleShotTime}, as {@link CursorBenchmarks} does; {@code PeersReport} lists any
 * {@code workload_contender} method it finds, so their rows appear once they exist.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class PeersBenchmarks {

    /** The rows the update benchmarks cycle through (ids 1..1000). */
    public static final int UPDATED_ROWS = 1_000;

    private DataSource dataSource;

    private JdbcTemplate jdbcTemplate;

    private ModelRepository repo;

    private ModelRepository uncached;

    private ModelRepository metered;

    private long idCursor;

    private int listCursor;

    private int pageCursor;

    private int insertCounter;

    private int updateCursor;

    private int updateCounter;

    @Setup(Level.Trial)
    public void setUp(Fixture fixture) {
        dataSource = fixture.dataSource();
        jdbcTemplate = fixture.jdbcTemplate();
        repo = fixture.repository();
        uncached = fixture.uncachedRepository();
        metered = fixture.meteredRepository();
    }

    // ------------------------------------------------------------ what each call reads or writes

    /** The next id: a stride coprime with the row count, so every row is visited and neighbours are not. */
    long nextId() {
        long id = idCursor + 7_919;
        if (id > Fixture.ROWS) {
            id -= Fixture.ROWS;
        }
        idCursor = id;
        return id;
    }

    /** The next list filter index: department 1..100, and a salary floor that leaves about 60–100 candidates. */
    int nextList() {
        int k = listCursor + 1;
        if (k == Fixture.DEPARTMENTS * 6) {
            k = 0;
        }
        listCursor = k;
        return k;
    }

    static long department(int k) {
        return k % Fixture.DEPARTMENTS + 1;
    }

    static int minSalary(int k) {
        return Fixture.MIN_SALARY + (k / Fixture.DEPARTMENTS) * 10_000;
    }

    /** The next page: ids after 0, 100, ..., 9800 in a scattered order. */
    long nextAfter() {
        int k = pageCursor + 37;
        if (k >= 99) {
            k -= 99;
        }
        pageCursor = k;
        return k * (long) Sql.PAGE;
    }

    long insertDepartment() {
        return insertCounter % Fixture.DEPARTMENTS + 1;
    }

    int insertSalary() {
        return Fixture.MIN_SALARY + (insertCounter++ & 0xffff);
    }

    /** The next updated row's index (0..999): its id is index + 1. */
    int nextUpdated() {
        int i = updateCursor + 1;
        if (i == UPDATED_ROWS) {
            i = 0;
        }
        updateCursor = i;
        return i;
    }

    /** A salary that differs from the one the row got on the previous lap. */
    int nextSalary() {
        return Fixture.MIN_SALARY + (updateCounter++ & 0xffff);
    }

    // ------------------------------------------------------------ findById

    @Benchmark
    public void findById_jdbc(Blackhole bh) throws SQLException {
        consume(bh, JdbcContender.findById(dataSource, nextId()));
    }

    @Benchmark
    public void findById_jdbcTemplate(Blackhole bh) {
        consume(bh, TemplateContender.findById(jdbcTemplate, nextId()));
    }

    @Benchmark
    public void findById_jooq(JooqContender jooq, Blackhole bh) {
        consume(bh, jooq.findById(nextId()));
    }

    @Benchmark
    public void findById_springData(SpringDataContender sd, Blackhole bh) {
        consume(bh, sd.findById(nextId()));
    }

    @Benchmark
    public void findById_jdbi(JdbiContender jdbi, Blackhole bh) {
        consume(bh, jdbi.findById(nextId()));
    }

    @Benchmark
    public void findById_modelrepo(Blackhole bh) {
        consume(bh, repo.findById(Employee.class, nextId()).orElseThrow());
    }

    @Benchmark
    public void findById_modelrepoRebuilt(Blackhole bh) {
        ModelQuery<Employee> q = repo.query(Employee.class, "e").where(eq("e.id", param("id")));
        consume(bh, repo.first(q, Map.of("id", nextId())).orElseThrow());
    }

    @Benchmark
    public void findById_modelrepoNoCache(Blackhole bh) {
        consume(bh, uncached.findById(Employee.class, nextId()).orElseThrow());
    }

    @Benchmark
    public void findById_modelrepoMetrics(Blackhole bh) {
        consume(bh, metered.findById(Employee.class, nextId()).orElseThrow());
    }

    // ------------------------------------------------------------ list10

    @Benchmark
    public void list10_jdbc(Blackhole bh) throws SQLException {
        int k = nextList();
        consumeRows(bh, JdbcContender.list10(dataSource, department(k), minSalary(k)));
    }

    @Benchmark
    public void list10_jdbcTemplate(Blackhole bh) {
        int k = nextList();
        consumeRows(bh, TemplateContender.list10(jdbcTemplate, department(k), minSalary(k)));
    }

    @Benchmark
    public void list10_jooq(JooqContender jooq, Blackhole bh) {
        int k = nextList();
        consumeRows(bh, jooq.list10(department(k), minSalary(k)));
    }

    @Benchmark
    public void list10_springData(SpringDataContender sd, Blackhole bh) {
        int k = nextList();
        consumeEntities(bh, sd.list10(department(k), minSalary(k)));
    }

    @Benchmark
    public void list10_jdbi(JdbiContender jdbi, Blackhole bh) {
        int k = nextList();
        consumeRows(bh, jdbi.list10(department(k), minSalary(k)));
    }

    @Benchmark
    public void list10_modelrepo(ModelrepoContender m, Blackhole bh) {
        int k = nextList();
        consumeModels(bh, repo.list(m.list10, Map.of("dept", department(k), "min", minSalary(k))));
    }

    @Benchmark
    public void list10_modelrepoRebuilt(Blackhole bh) {
        int k = nextList();
        consumeModels(bh, repo.list(ModelrepoContender.list10Query(repo), Map.of("dept", department(k), "min", minSalary(k))));
    }

    @Benchmark
    public void list10_modelrepoNoCache(ModelrepoContender m, Blackhole bh) {
        int k = nextList();
        consumeModels(bh, uncached.list(m.list10, Map.of("dept", department(k), "min", minSalary(k))));
    }

    @Benchmark
    public void list10_modelrepoMetrics(ModelrepoContender m, Blackhole bh) {
        int k = nextList();
        consumeModels(bh, metered.list(m.list10, Map.of("dept", department(k), "min", minSalary(k))));
    }

    // ------------------------------------------------------------ join100

    @Benchmark
    public void join100_jdbc(Blackhole bh) throws SQLException {
        consumeJoined(bh, JdbcContender.join100(dataSource, nextAfter()));
    }

    @Benchmark
    public void join100_jdbcTemplate(Blackhole bh) {
        consumeJoined(bh, TemplateContender.join100(jdbcTemplate, nextAfter()));
    }

    @Benchmark
    public void join100_jooq(JooqContender jooq, Blackhole bh) {
        consumeJoined(bh, jooq.join100(nextAfter()));
    }

    @Benchmark
    public void join100_springData(SpringDataContender sd, Blackhole bh) {
        List<SdjEmployeeWithDepartment> rows = sd.join100(nextAfter());
        for (int i = 0, n = rows.size(); i < n; i++) {
            SdjEmployeeWithDepartment e = rows.get(i);
            bh.consume(e.name);
            bh.consume(e.department.name);
            bh.consume(e);
        }
    }

    @Benchmark
    public void join100_jdbi(JdbiContender jdbi, Blackhole bh) {
        consumeJoined(bh, jdbi.join100(nextAfter()));
    }

    @Benchmark
    public void join100_modelrepo(ModelrepoContender m, Blackhole bh) {
        consumeJoinedModels(bh, repo.list(m.join100, Map.of("after", nextAfter())));
    }

    @Benchmark
    public void join100_modelrepoRebuilt(Blackhole bh) {
        consumeJoinedModels(bh, repo.list(ModelrepoContender.join100Query(repo), Map.of("after", nextAfter())));
    }

    @Benchmark
    public void join100_modelrepoNoCache(ModelrepoContender m, Blackhole bh) {
        consumeJoinedModels(bh, uncached.list(m.join100, Map.of("after", nextAfter())));
    }

    @Benchmark
    public void join100_modelrepoMetrics(ModelrepoContender m, Blackhole bh) {
        consumeJoinedModels(bh, metered.list(m.join100, Map.of("after", nextAfter())));
    }

    // ------------------------------------------------------------ insert

    @Benchmark
    public long insert_jdbc(Inserted inserted) throws SQLException {
        long department = insertDepartment();
        return JdbcContender.insert(dataSource, department, insertSalary());
    }

    @Benchmark
    public long insert_jdbcTemplate(Inserted inserted) {
        long department = insertDepartment();
        return TemplateContender.insert(jdbcTemplate, department, insertSalary());
    }

    @Benchmark
    public long insert_jooq(Inserted inserted, JooqContender jooq) {
        long department = insertDepartment();
        return jooq.insert(department, insertSalary());
    }

    @Benchmark
    public long insert_springData(Inserted inserted, SpringDataContender sd) {
        long department = insertDepartment();
        return sd.insert(department, insertSalary());
    }

    @Benchmark
    public long insert_jdbi(Inserted inserted, JdbiContender jdbi) {
        long department = insertDepartment();
        return jdbi.insert(department, insertSalary());
    }

    @Benchmark
    public long insert_modelrepo(Inserted inserted) {
        long department = insertDepartment();
        return ModelrepoContender.insert(repo, department, insertSalary());
    }

    // ------------------------------------------------------------ update

    @Benchmark
    public int update_jdbc() throws SQLException {
        return JdbcContender.update(dataSource, nextUpdated() + 1, nextSalary());
    }

    @Benchmark
    public int update_jdbcTemplate() {
        return TemplateContender.update(jdbcTemplate, nextUpdated() + 1, nextSalary());
    }

    @Benchmark
    public int update_jooq(JooqContender jooq) {
        return jooq.update(nextUpdated() + 1, nextSalary());
    }

    @Benchmark
    public int update_jdbi(JdbiContender jdbi) {
        return jdbi.update(nextUpdated() + 1, nextSalary());
    }

    @Benchmark
    public void update_springData(SpringDataContender sd, Blackhole bh) {
        SdjEmployee e = sd.loaded.get(nextUpdated());
        sd.update(e, nextSalary());
        bh.consume(e);
    }

    @Benchmark
    public void update_modelrepo(ModelrepoContender m, Blackhole bh) {
        Model e = m.loaded.get(nextUpdated());
        ModelrepoContender.update(repo, e, nextSalary());
        bh.consume(e);
    }
}

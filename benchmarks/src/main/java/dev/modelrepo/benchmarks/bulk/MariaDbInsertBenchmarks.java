package dev.modelrepo.benchmarks.bulk;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.benchmarks.bulk.BulkDatabases.Engine;
import dev.modelrepo.bulk.BulkOptions;
import dev.modelrepo.repository.ModelRepository;

/**
 * MariaDB: 100,000 rows of six columns into an empty table, all in one transaction, by modelrepo's insertBulk (its
 * default: 10,000 rows per JDBC batch; and with 1,000, its earlier default) against
 * each way MariaDB Connector/J 3.5 can send them: one prepared INSERT as a JDBC batch with its defaults (the
 * {@code COM_STMT_BULK_EXECUTE} bulk protocol for INSERTs, {@code useBulkStmtsForInserts=true}) at 1,000, 10,000 and
 * 100,000 rows per executeBatch; with {@code useBulkStmts=true}; without the bulk protocol (pipelined executes); with
 * the client-side multi-values rewrite ({@code rewriteBatchedStatements=true}, bulk off); multi-row VALUES statements
 * of 100, 1,000 and 5,000 rows; and {@code LOAD DATA LOCAL INFILE} from a stream of tab-separated text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class MariaDbInsertBenchmarks {

    static final int ROWS = 100_000;

    private HikariDataSource plain;

    private HikariDataSource bulk;

    private HikariDataSource pipelined;

    private HikariDataSource rewrite;

    private HikariDataSource infile;

    private ModelRepository repo;

    private List<Map<String, Object>> rows;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        plain = BulkDatabases.open(Engine.MARIADB, "");
        bulk = BulkDatabases.open(Engine.MARIADB, "&useBulkStmts=true");
        pipelined = BulkDatabases.open(Engine.MARIADB, "&useBulkStmtsForInserts=false&useBulkStmts=false");
        rewrite = BulkDatabases.open(Engine.MARIADB, "&useBulkStmtsForInserts=false&useBulkStmts=false&rewriteBatchedStatements=true");
        infile = BulkDatabases.open(Engine.MARIADB, "&allowLocalInfile=true");
        repo = ModelRepository.create(plain);
        rows = BulkDatabases.rows(ROWS);
    }

    @Setup(Level.Iteration)
    public void truncate() throws SQLException {
        BulkDatabases.truncate(plain, Engine.MARIADB);
    }

    @TearDown(Level.Trial)
    public void close() {
        plain.close();
        bulk.close();
        pipelined.close();
        rewrite.close();
        infile.close();
    }

    @Benchmark
    public int modelrepoInsertBulk() {
        return repo.bulk().insertBulk(BenchRow.class, BulkDatabases.COLUMNS, rows);
    }

    /** modelrepo with 1,000 rows per JDBC batch: its default before MariaDB's batches grew to 10,000. */
    @Benchmark
    public int modelrepoInsertBulk1k() {
        return repo.bulk().insertBulk(BenchRow.class, BulkDatabases.COLUMNS, rows, BulkOptions.defaults().batchSize(1_000));
    }

    @Benchmark
    public int driverBatchDefault() throws SQLException {
        return HandWritten.inTransaction(plain, c -> HandWritten.batchInsert(c, rows, 1000));
    }

    @Benchmark
    public int driverBatchDefault10k() throws SQLException {
        return HandWritten.inTransaction(plain, c -> HandWritten.batchInsert(c, rows, 10_000));
    }

    @Benchmark
    public int driverBatchDefaultAll() throws SQLException {
        return HandWritten.inTransaction(plain, c -> HandWritten.batchInsert(c, rows, ROWS));
    }

    @Benchmark
    public int driverBatchBulkStmts() throws SQLException {
        return HandWritten.inTransaction(bulk, c -> HandWritten.batchInsert(c, rows, 1000));
    }

    @Benchmark
    public int driverBatchPipelined() throws SQLException {
        return HandWritten.inTransaction(pipelined, c -> HandWritten.batchInsert(c, rows, 1000));
    }

    @Benchmark
    public int driverBatchRewritten() throws SQLException {
        return HandWritten.inTransaction(rewrite, c -> HandWritten.batchInsert(c, rows, 1000));
    }

    @Benchmark
    public int driverBatchRewrittenAll() throws SQLException {
        return HandWritten.inTransaction(rewrite, c -> HandWritten.batchInsert(c, rows, ROWS));
    }

    @Benchmark
    public int multiValues100() throws SQLException {
        return HandWritten.inTransaction(plain, c -> HandWritten.multiValuesInsert(c, rows, 100));
    }

    @Benchmark
    public int multiValues1000() throws SQLException {
        return HandWritten.inTransaction(plain, c -> HandWritten.multiValuesInsert(c, rows, 1000));
    }

    @Benchmark
    public int multiValues5000() throws SQLException {
        return HandWritten.inTransaction(plain, c -> HandWritten.multiValuesInsert(c, rows, 5000));
    }

    @Benchmark
    public long loadDataLocalInfile() throws SQLException {
        return HandWritten.inTransaction(infile, c -> HandWritten.loadDataLocal(c, rows));
    }
}

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
import dev.modelrepo.repository.ModelRepository;

/**
 * MariaDB: 100,000 rows of six columns into an empty table, by modelrepo's insertBulk (multi-row VALUES, 1,000 rows
 * per statement) against MariaDB Connector/J's own batching of one prepared INSERT (1,000 per executeBatch): its
 * default, its bulk protocol ({@code useBulkStmts=true}) and its multi-values rewrite
 * ({@code rewriteBatchedStatements=true}); all in one transaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class MariaDbInsertBenchmarks {

    static final int ROWS = 100_000;

    private HikariDataSource plain;

    private HikariDataSource bulk;

    private HikariDataSource rewrite;

    private ModelRepository repo;

    private List<Map<String, Object>> rows;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        plain = BulkDatabases.open(Engine.MARIADB, "");
        bulk = BulkDatabases.open(Engine.MARIADB, "&useBulkStmts=true");
        rewrite = BulkDatabases.open(Engine.MARIADB, "&rewriteBatchedStatements=true");
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
        rewrite.close();
    }

    @Benchmark
    public int modelrepoInsertBulk() {
        return repo.bulk().insertBulk(BenchRow.class, BulkDatabases.COLUMNS, rows);
    }

    @Benchmark
    public int driverBatchDefault() throws SQLException {
        return HandWritten.inTransaction(plain, c -> HandWritten.batchInsert(c, rows, 1000));
    }

    @Benchmark
    public int driverBatchBulkStmts() throws SQLException {
        return HandWritten.inTransaction(bulk, c -> HandWritten.batchInsert(c, rows, 1000));
    }

    @Benchmark
    public int driverBatchRewritten() throws SQLException {
        return HandWritten.inTransaction(rewrite, c -> HandWritten.batchInsert(c, rows, 1000));
    }
}

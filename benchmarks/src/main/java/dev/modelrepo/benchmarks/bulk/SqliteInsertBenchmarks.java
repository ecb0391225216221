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
import org.openjdk.jmh.annotations.Param;
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
 * SQLite (a WAL file, {@code synchronous=NORMAL} for every contender): 500,000 rows of six columns into a new table
 * (the {@code rows} parameter), all in one transaction, by modelrepo's insertBulk against the ways sqlite-jdbc can take
 * them: one prepared single-row INSERT run as a JDBC batch of 1,000 (the baseline), 10,000 or all rows per
 * executeBatch, and multi-row VALUES statements of 100, 1,000 and 5,461 rows (5,461 × 6 = 32,766, SQLite's bind limit).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = { "-Xms3g", "-Xmx3g" })
public class SqliteInsertBenchmarks {

    @Param("500000")
    public int rows;

    private HikariDataSource dataSource;

    private ModelRepository repo;

    private List<Map<String, Object>> data;

    @Setup(Level.Trial)
    public void open() throws Exception {
        BulkDatabases.deleteFile();
        dataSource = BulkDatabases.open(Engine.SQLITE, "");
        repo = ModelRepository.create(dataSource);
        data = BulkDatabases.rows(rows);
    }

    @Setup(Level.Iteration)
    public void truncate() throws SQLException {
        BulkDatabases.truncate(dataSource, Engine.SQLITE);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        dataSource.close();
        BulkDatabases.deleteFile();
    }

    @Benchmark
    public int modelrepoInsertBulk() {
        return repo.bulk().insertBulk(BenchRow.class, BulkDatabases.COLUMNS, data);
    }

    /** modelrepo with 1,000 rows per statement, the baseline's batch size. */
    @Benchmark
    public int modelrepoInsertBulk1k() {
        return repo.bulk().insertBulk(BenchRow.class, BulkDatabases.COLUMNS, data, BulkOptions.defaults().batchSize(1_000));
    }

    @Benchmark
    public int handWrittenBatch() throws SQLException {
        return HandWritten.inTransaction(dataSource, c -> HandWritten.sqliteBatchInsert(c, data, 1000));
    }

    @Benchmark
    public int handWrittenBatch10k() throws SQLException {
        return HandWritten.inTransaction(dataSource, c -> HandWritten.sqliteBatchInsert(c, data, 10_000));
    }

    @Benchmark
    public int handWrittenBatchAll() throws SQLException {
        return HandWritten.inTransaction(dataSource, c -> HandWritten.sqliteBatchInsert(c, data, data.size()));
    }

    @Benchmark
    public int multiValues100() throws SQLException {
        return HandWritten.inTransaction(dataSource, c -> HandWritten.sqliteMultiValuesInsert(c, data, 100));
    }

    @Benchmark
    public int multiValues1000() throws SQLException {
        return HandWritten.inTransaction(dataSource, c -> HandWritten.sqliteMultiValuesInsert(c, data, 1000));
    }

    @Benchmark
    public int multiValues5461() throws SQLException {
        return HandWritten.inTransaction(dataSource, c -> HandWritten.sqliteMultiValuesInsert(c, data, 5461));
    }
}

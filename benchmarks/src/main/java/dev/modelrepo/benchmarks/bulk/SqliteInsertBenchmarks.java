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
 * SQLite (a WAL file): 1,000,000 rows of six columns into a new table, by modelrepo's insertBulk against a
 * hand-written prepared INSERT batched 1,000 at a time, both in one transaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = { "-Xms3g", "-Xmx3g" })
public class SqliteInsertBenchmarks {

    static final int ROWS = 1_000_000;

    private HikariDataSource dataSource;

    private ModelRepository repo;

    private List<Map<String, Object>> rows;

    @Setup(Level.Trial)
    public void open() throws Exception {
        BulkDatabases.deleteFile();
        dataSource = BulkDatabases.open(Engine.SQLITE, "");
        repo = ModelRepository.create(dataSource);
        rows = BulkDatabases.rows(ROWS);
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
        return repo.bulk().insertBulk(BenchRow.class, BulkDatabases.COLUMNS, rows);
    }

    @Benchmark
    public int handWrittenBatch() throws SQLException {
        return HandWritten.inTransaction(dataSource, c -> HandWritten.sqliteBatchInsert(c, rows, 1000));
    }
}

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
 * PostgreSQL: 1,000,000 rows of six columns into an empty table (truncated before every iteration), by modelrepo's
 * insertBulk (streamed COPY) against a hand-written CopyManager COPY with the same text encoding, and against JDBC
 * batches of 1,000 with and without pgjdbc's {@code reWriteBatchedInserts}; all in one transaction, from the same maps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = { "-Xms3g", "-Xmx3g" })
public class PostgresInsertBenchmarks {

    static final int ROWS = 1_000_000;

    private HikariDataSource plain;

    private HikariDataSource rewritten;

    private ModelRepository repo;

    private List<Map<String, Object>> rows;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        plain = BulkDatabases.open(Engine.POSTGRESQL, "");
        rewritten = BulkDatabases.open(Engine.POSTGRESQL, "&reWriteBatchedInserts=true");
        repo = ModelRepository.create(plain);
        rows = BulkDatabases.rows(ROWS);
    }

    @Setup(Level.Iteration)
    public void truncate() throws SQLException {
        BulkDatabases.truncate(plain, Engine.POSTGRESQL);
    }

    @TearDown(Level.Trial)
    public void close() {
        plain.close();
        rewritten.close();
    }

    @Benchmark
    public long handWrittenCopy() throws SQLException {
        return HandWritten.inTransaction(plain, c -> HandWritten.copy(c, rows));
    }

    @Benchmark
    public int modelrepoInsertBulk() {
        return repo.bulk().insertBulk(BenchRow.class, BulkDatabases.COLUMNS, rows);
    }

    @Benchmark
    public int jdbcBatch() throws SQLException {
        return HandWritten.inTransaction(plain, c -> HandWritten.batchInsert(c, rows, 1000));
    }

    @Benchmark
    public int jdbcBatchRewritten() throws SQLException {
        return HandWritten.inTransaction(rewritten, c -> HandWritten.batchInsert(c, rows, 1000));
    }
}

package dev.modelrepo.benchmarks.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * PostgreSQL: 100,000 rows updated (three columns) or deleted by key, the table reloaded with the same 100,000 rows
 * and analyzed before every iteration. modelrepo's updateBulk and deleteBulk against hand-written {@code UPDATE … FROM
 * unnest} and {@code DELETE … = ANY(?)} with typed arrays (both in chunks of 10,000 rows), and against batches of
 * single-row statements (1,000 per executeBatch); each in one transaction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class PostgresUpdateDeleteBenchmarks {

    static final int ROWS = 100_000;

    static final int CHUNK = 10_000;

    private HikariDataSource dataSource;

    private ModelRepository repo;

    private List<Map<String, Object>> rows;

    private List<Map<String, Object>> updates;

    private List<Map<String, Object>> keys;

    private final BulkOptions options = BulkOptions.defaults().batchSize(CHUNK);

    @Setup(Level.Trial)
    public void open() throws SQLException {
        dataSource = BulkDatabases.open(Engine.POSTGRESQL, "");
        repo = ModelRepository.create(dataSource);
        rows = BulkDatabases.rows(ROWS);
        updates = BulkDatabases.updates(ROWS);
        keys = BulkDatabases.keys(ROWS);
    }

    @Setup(Level.Iteration)
    public void reload() throws SQLException {
        BulkDatabases.truncate(dataSource, Engine.POSTGRESQL);
        HandWritten.inTransaction(dataSource, c -> HandWritten.copy(c, rows));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE bench_rows");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        dataSource.close();
    }

    @Benchmark
    public int updateHandWrittenUnnest() throws SQLException {
        return HandWritten.inTransaction(dataSource, c -> HandWritten.unnestUpdate(c, updates, CHUNK));
    }

    /** The whole 100,000 rows in one {@code UPDATE … FROM unnest} statement. */
    @Benchmark
    public int updateHandWrittenUnnestOneStatement() throws SQLException {
        return HandWritten.inTransaction(dataSource, c -> HandWritten.unnestUpdate(c, updates, ROWS));
    }

    @Benchmark
    public int updateModelrepoUpdateBulk() {
        return repo.bulk().updateBulk(BenchRow.class, List.of("name", "age", "score"), updates, options);
    }

    @Benchmark
    public int updateSingleRowBatch() throws SQLException {
        return HandWritten.inTransaction(dataSource, c -> HandWritten.singleRowUpdates(c, updates, 1000));
    }

    @Benchmark
    public int deleteHandWrittenAny() throws SQLException {
        return HandWritten.inTransaction(dataSource, c -> HandWritten.anyDelete(c, keys, CHUNK));
    }

    @Benchmark
    public int deleteModelrepoDeleteBulk() {
        return repo.bulk().deleteBulk(BenchRow.class, keys, options);
    }

    /** The whole 100,000 keys in one {@code = ANY(?)} statement: the baseline of issue 17. */
    @Benchmark
    public int deleteHandWrittenAnyOneStatement() throws SQLException {
        return HandWritten.inTransaction(dataSource, c -> HandWritten.anyDelete(c, keys, ROWS));
    }

    /** deleteBulk with its default options (the dialect's own rows per array statement). */
    @Benchmark
    public int deleteModelrepoDeleteBulkDefault() {
        return repo.bulk().deleteBulk(BenchRow.class, keys);
    }

    @Benchmark
    public int deleteSingleRowBatch() throws SQLException {
        return HandWritten.inTransaction(dataSource, c -> HandWritten.singleRowDeletes(c, keys, 1000));
    }
}

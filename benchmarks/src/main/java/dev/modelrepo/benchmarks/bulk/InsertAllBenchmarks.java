package dev.modelrepo.benchmarks.bulk;

import java.util.ArrayList;
import java.util.List;
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
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.benchmarks.bulk.BulkDatabases.Engine;
import dev.modelrepo.repository.ModelRepository;

/**
 * 10,000 new models inserted with their keys and stored rows written back, per engine: modelrepo's insertAll against
 * {@code save} of each model, both in one transaction. Fresh models and an empty table before every iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
public class InsertAllBenchmarks {

    static final int ROWS = 10_000;

    @Param({ "POSTGRESQL", "MARIADB", "SQLITE", "H2" })
    public Engine engine;

    private HikariDataSource dataSource;

    private ModelRepository repo;

    private TransactionTemplate transaction;

    private List<BenchRow> models;

    @Setup(Level.Trial)
    public void open() throws Exception {
        if (engine == Engine.SQLITE) {
            BulkDatabases.deleteFile();
        }
        dataSource = BulkDatabases.open(engine, "");
        repo = ModelRepository.create(dataSource);
        transaction = new TransactionTemplate(repo.transactionManager());
    }

    @Setup(Level.Iteration)
    public void fresh() throws Exception {
        BulkDatabases.truncate(dataSource, engine);
        models = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            models.add(repo.build(BenchRow.class, BulkDatabases.row(i)));
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        dataSource.close();
        if (engine == Engine.SQLITE) {
            BulkDatabases.deleteFile();
        }
    }

    @Benchmark
    public List<BenchRow> modelrepoInsertAll() {
        return repo.bulk().insertAll(models);
    }

    @Benchmark
    public List<BenchRow> saveEach() {
        transaction.executeWithoutResult(status -> models.forEach(repo::save));
        return models;
    }
}

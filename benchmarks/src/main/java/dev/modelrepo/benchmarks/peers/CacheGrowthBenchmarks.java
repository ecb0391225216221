package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.param;

import java.sql.SQLException;
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

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.modelrepo.autoconfigure.observation.QueryCacheMeterBinder;
import dev.modelrepo.benchmarks.peers.GrowthTables.Item;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.QueryCache;
import dev.modelrepo.query.QueryRenderer;
import dev.modelrepo.repository.ModelRepository;

/**
 * Rendering queries of {@code shapes} distinct shapes in turn (each its own alias, so its own SQL), through the query
 * cache of its default bound ({@value QueryCache#DEFAULT_MAX_SIZE} entries): a hit while the shapes fit, a render and an
 * eviction once they do not. The baseline renders every query ({@code QueryCache.disabled()}). The cache's Micrometer
 * meters ({@link QueryCacheMeterBinder}) are read by {@link CacheMetersProfiler} after every iteration: hit ratio,
 * evictions per operation, size, and the heap the full cache retains. On H2 (the render needs only its metadata).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CacheGrowthBenchmarks {

    @Param({ "100", "10000", "100000" })
    public int shapes;

    private HikariDataSource dataSource;

    private QueryRenderer cached;

    private QueryRenderer uncached;

    private ModelQuery<?>[] queries;

    private final Map<String, Object> params = Map.of("v", 7);

    private int next;

    @Setup(Level.Trial)
    public void start() throws SQLException {
        dataSource = GrowthTables.pool(Engine.H2);
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE TABLE growth_items (id BIGINT PRIMARY KEY, v INT NOT NULL)");
        }
        QueryCache cache = new QueryCache();
        ModelRepository repo = ModelRepository.builder(dataSource).queryCache(cache).build();
        cached = repo.renderer();
        uncached = ModelRepository.builder(dataSource).queryCache(QueryCache.disabled()).build().renderer();
        queries = new ModelQuery<?>[shapes];
        for (int i = 0; i < shapes; i++) {
            String alias = "e" + i;
            queries[i] = repo.query(Item.class, alias).where(eq(alias + ".v", param("v")));
        }
        if (!cached.render(queries[shapes - 1], params).equals(uncached.render(queries[shapes - 1], params))) {
            throw new IllegalStateException("renders differ");
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        QueryCacheMeterBinder.bind(cache, Tags.of("name", "growth"), meters);
        CacheMetersProfiler.watch(cache, meters);
    }

    /** Closes the pool; the profiler keeps the cache, as JMH tears the trial down before the last iteration's profilers. */
    @TearDown(Level.Trial)
    public void stop() {
        dataSource.close();
    }

    private ModelQuery<?> nextQuery() {
        int i = next + 1;
        next = i == shapes ? 0 : i;
        return queries[next];
    }

    @Benchmark
    public Object cache_modelrepo() {
        return cached.render(nextQuery(), params);
    }

    @Benchmark
    public Object cache_cacheOff() {
        return uncached.render(nextQuery(), params);
    }
}

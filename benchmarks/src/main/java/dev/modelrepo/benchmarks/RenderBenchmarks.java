package dev.modelrepo.benchmarks;

import static dev.modelrepo.query.Q.and;
import static dev.modelrepo.query.Q.desc;
import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.ge;
import static dev.modelrepo.query.Q.param;

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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.QueryRenderer;
import dev.modelrepo.repository.ModelRepository;

/**
 * Rendering the list query of {@link QueryBenchmarks} to SQL and bind values without executing it: from the
 * query cache with the same query object, from the cache with an equal query rebuilt on every call (a lookup
 * by shape equality), and with the cache disabled (a full compile on every call). The parameter maps are
 * built in setup, so only the renderer is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RenderBenchmarks {

    private ModelRepository repo;

    private QueryRenderer cached;

    private QueryRenderer uncached;

    private ModelQuery<Employee> list10;

    @SuppressWarnings("unchecked")
    private final Map<String, Object>[] params = new Map[64];

    private int cursor;

    @Setup(Level.Trial)
    public void setUp(Database database) {
        repo = database.repository();
        cached = repo.renderer();
        uncached = database.uncachedRepository().renderer();
        list10 = QueryBenchmarks.list10Query(repo);
        for (int i = 0; i < params.length; i++) {
            params[i] = Map.of("dept", QueryBenchmarks.department(i), "min", QueryBenchmarks.minSalary(i * 7));
        }
        QueryRenderer.Rendered a = cached.render(list10, params[0]);
        QueryRenderer.Rendered b = cached.render(QueryBenchmarks.list10Query(repo), params[0]);
        QueryRenderer.Rendered c = uncached.render(list10, params[0]);
        if (!a.equals(b) || !a.equals(c)) {
            throw new IllegalStateException("Renders differ: " + a + " / " + b + " / " + c);
        }
        System.out.println("modelrepo renders the list query as: " + a.sql() + " with " + a.values());
    }

    private Map<String, Object> nextParams() {
        int i = (cursor + 1) & (params.length - 1);
        cursor = i;
        return params[i];
    }

    @Benchmark
    public void renderCacheHit(Blackhole bh) {
        bh.consume(cached.render(list10, nextParams()));
    }

    @Benchmark
    public void renderCacheHitRebuilt(Blackhole bh) {
        ModelQuery<Employee> query = repo.query(Employee.class, "e")
                .where(and(eq("e.department_id", param("dept")), ge("e.salary", param("min"))))
                .orderBy(desc("e.salary"))
                .limit(10);
        bh.consume(cached.render(query, nextParams()));
    }

    @Benchmark
    public void renderUncached(Blackhole bh) {
        bh.consume(uncached.render(list10, nextParams()));
    }
}

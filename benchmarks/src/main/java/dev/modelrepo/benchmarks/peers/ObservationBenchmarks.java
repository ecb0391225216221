package dev.modelrepo.benchmarks.peers;

import java.util.List;
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

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import dev.modelrepo.autoconfigure.observation.QueryMeterObservationHandler;
import dev.modelrepo.observation.QueryObserver;

/**
 * The cost modelrepo's observation adds to one statement, without the statement: {@link QueryObserver#observe} around
 * work that returns a one-row result at once, with no registry ({@code observeOff}: modelrepo's default) and with
 * Spring Boot's default meter handler ({@code observeOn}: {@code DefaultMeterObservationHandler}, a Timer and a
 * LongTaskTimer per observation, over a {@code SimpleMeterRegistry}). The difference is what metrics add per query,
 * to the nanosecond; {@code observeBare} (a handler that records nothing) splits it into the Observation API's own
 * bookkeeping and the meters; {@code observeQueryMeters} is modelrepo's own {@link QueryMeterObservationHandler} ahead of
 * the default handler in one first-matching group, as Spring Boot registers them. {@code PeersBenchmarks}'
 * {@code modelrepoMetrics} contenders and {@link MetricsBenchmarks} show it end to end.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class ObservationBenchmarks {

    static final String SQL = "SELECT e.id, e.department_id, e.manager_id, e.name, e.email, e.title, e.salary, e.active, e.hired_on,"
            + " e.created_at FROM employees e WHERE e.id = ? LIMIT 1";

    private final List<Object> result = List.of(new Object());

    private QueryObserver off;

    private QueryObserver on;

    private QueryObserver bare;

    private QueryObserver queryMeters;

    private SimpleMeterRegistry meters;

    @Setup(Level.Trial)
    public void setUp() {
        off = QueryObserver.NOOP;
        meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        on = new QueryObserver(registry, null);
        // the Observation API's own bookkeeping: a registry whose one handler accepts every context and records nothing
        ObservationRegistry empty = ObservationRegistry.create();
        empty.observationConfig().observationHandler(context -> true);
        bare = new QueryObserver(empty, null);
        SimpleMeterRegistry grouped = new SimpleMeterRegistry();
        QueryMeterObservationHandler handler = new QueryMeterObservationHandler();
        handler.bindTo(grouped);
        ObservationRegistry boot = ObservationRegistry.create();
        boot.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler(
                handler, new DefaultMeterObservationHandler(grouped)));
        queryMeters = new QueryObserver(boot, null);
    }

    @Benchmark
    public Object observeOff() {
        return off.observe("select", "employees", "h2", "hit", SQL, () -> result, List::size);
    }

    /** Observations with a handler that records nothing: what the Observation API itself costs (no meters). */
    @Benchmark
    public Object observeBare() {
        return bare.observe("select", "employees", "h2", "hit", SQL, () -> result, List::size);
    }

    @Benchmark
    public Object observeOn() {
        return on.observe("select", "employees", "h2", "hit", SQL, () -> result, List::size);
    }

    @Benchmark
    public Object observeQueryMeters() {
        return queryMeters.observe("select", "employees", "h2", "hit", SQL, () -> result, List::size);
    }
}

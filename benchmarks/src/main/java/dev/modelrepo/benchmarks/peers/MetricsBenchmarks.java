package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.benchmarks.peers.Consumers.consume;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

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

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationHandler.FirstMatchingCompositeObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import dev.modelrepo.autoconfigure.observation.QueryMeterObservationHandler;
import dev.modelrepo.repository.ModelRepository;

/**
 * What metrics add to a statement end to end: find by id on {@link Fixture}'s database (run it with
 * {@code -p engine=h2}, where the library's overhead shows most), side by side with the hand-written JDBC baseline
 * ({@code findById_jdbc}) and modelrepo without an ObservationRegistry ({@code findById_modelrepo}), against three
 * registries shaped as Spring Boot's auto-configuration shapes them (its meter handlers in one
 * {@code FirstMatchingCompositeObservationHandler}, over a {@code SimpleMeterRegistry}):
 * <ul>
 * <li>{@code findById_modelrepoBare}: one handler that accepts every observation and records nothing (what the
 * Observation API itself costs);
 * <li>{@code findById_modelrepoBootDefault}: Boot's {@code DefaultMeterObservationHandler} alone, which looks its
 * Timer and LongTaskTimer up by name and tags at every start and stop (before modelrepo had a handler of its own);
 * <li>{@code findById_modelrepoQueryMeters}: {@link QueryMeterObservationHandler} ahead of the default handler, as
 * the auto-configuration registers it (its meters held per tag set; the default handler never sees the statement).
 * </ul>
 * The difference to {@code findById_modelrepo} is what metrics add per statement. None of these handlers acts on
 * scopes, so no statement opens one (a tracing handler would make it). {@link MetricsPairedRun} runs the same
 * contenders in alternating rounds, for a busy machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class MetricsBenchmarks {

    private DataSource dataSource;

    private ModelRepository unobserved;

    private ModelRepository bare;

    private ModelRepository bootDefault;

    private ModelRepository queryMeters;

    private long idCursor;

    @Setup(Level.Trial)
    public void setUp(Fixture fixture) {
        dataSource = fixture.dataSource();
        unobserved = fixture.repository();
        bare = repository(fixture, (ObservationHandler<?>) context -> true);
        SimpleMeterRegistry defaultMeters = new SimpleMeterRegistry();
        bootDefault = repository(fixture, new DefaultMeterObservationHandler(defaultMeters));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        QueryMeterObservationHandler handler = new QueryMeterObservationHandler();
        handler.bindTo(meters);
        queryMeters = repository(fixture, handler, new DefaultMeterObservationHandler(meters));
    }

    /** A repository observing into a registry whose meter handlers are grouped as Boot groups them. */
    private static ModelRepository repository(Fixture fixture, ObservationHandler<?>... handlers) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new FirstMatchingCompositeObservationHandler(List.of(handlers)));
        return ModelRepository.builder(fixture.dataSource()).observationRegistry(registry).build();
    }

    /** The next id: a stride coprime with the row count, as in {@link PeersBenchmarks}. */
    long nextId() {
        long id = idCursor + 7_919;
        if (id > Fixture.ROWS) {
            id -= Fixture.ROWS;
        }
        idCursor = id;
        return id;
    }

    @Benchmark
    public void findById_jdbc(Blackhole bh) throws SQLException {
        consume(bh, JdbcContender.findById(dataSource, nextId()));
    }

    @Benchmark
    public void findById_modelrepo(Blackhole bh) {
        consume(bh, unobserved.findById(Employee.class, nextId()).orElseThrow());
    }

    @Benchmark
    public void findById_modelrepoBare(Blackhole bh) {
        consume(bh, bare.findById(Employee.class, nextId()).orElseThrow());
    }

    @Benchmark
    public void findById_modelrepoBootDefault(Blackhole bh) {
        consume(bh, bootDefault.findById(Employee.class, nextId()).orElseThrow());
    }

    @Benchmark
    public void findById_modelrepoQueryMeters(Blackhole bh) {
        consume(bh, queryMeters.findById(Employee.class, nextId()).orElseThrow());
    }
}

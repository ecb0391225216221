package dev.modelrepo.autoconfigure.observation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.autoconfigure.models.Widget;
import dev.modelrepo.observation.QueryContext;
import dev.modelrepo.observation.QueryObservationConvention;
import dev.modelrepo.observation.QueryObserver;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;

import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link QueryMeterObservationHandler} in a Boot context with Boot's own meter handler (MetricsAutoConfiguration) on
 * a real H2 database: the meters and tags of {@code modelrepo.query} come from it alone, every other observation
 * still from Boot's default handler, and tracing handlers still see every statement.
 */
class QueryMeterObservationHandlerTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class, LiquibaseAutoConfiguration.class,
                ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
                ModelRepositoryAutoConfiguration.class, ModelRepositoryObservationAutoConfiguration.class))
        .withPropertyValues("spring.datasource.generate-unique-name=true",
                "spring.liquibase.change-log=classpath:db/test-changelog.xml")
        .withUserConfiguration(ModelRepositoryObservationAutoConfigurationTests.ApplicationPackage.class,
                ModelRepositoryObservationAutoConfigurationTests.Meters.class);

    @Test
    void eachStatementIsTimedOnceWithTheDocumentedTagsAndADescription() {
        this.contextRunner.run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            ModelQuery<Widget> byName = repository.query(Widget.class, "w").where(eq("w.name", param("name")));
            repository.list(byName, Map.of("name", "a"));
            repository.list(byName, Map.of("name", "b"));
            repository.list(byName, Map.of("name", "c"));
            MeterRegistry meters = meters(context);
            Timer miss = meters.find("modelrepo.query").tag("operation", "select").tag("cache", "miss").timer();
            Timer hit = meters.find("modelrepo.query").tag("operation", "select").tag("cache", "hit").timer();
            // Boot's default meter handler would time the same meters again: 2 and 4
            assertThat(miss.count()).isEqualTo(1);
            assertThat(hit.count()).isEqualTo(2);
            assertThat(hit.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
                .containsExactlyInAnyOrder("operation", "model", "dialect", "outcome", "error", "cache");
            assertThat(hit.getId().getTag("model")).isEqualTo("widgets");
            assertThat(hit.getId().getTag("dialect")).isEqualTo("h2");
            assertThat(hit.getId().getTag("outcome")).isEqualTo("success");
            assertThat(hit.getId().getTag("error")).isEqualTo("none");
            assertThat(hit.getId().getDescription()).isEqualTo(QueryMeters.TIMER_DESCRIPTION);
            assertThat(hit.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        });
    }

    @Test
    void aFailedStatementIsTimedWithItsOutcomeAndError() {
        this.contextRunner.run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            assertThatThrownBy(() -> repository.sql("SELECT * FROM no_such_table").list(Map.of()))
                .isInstanceOf(BadSqlGrammarException.class);
            Timer failed = meters(context).find("modelrepo.query").tag("outcome", "error").timer();
            assertThat(failed.count()).isEqualTo(1);
            assertThat(failed.getId().getTag("error")).isEqualTo("BadSqlGrammarException");
            assertThat(failed.getId().getTag("operation")).isEqualTo("native");
        });
    }

    @Test
    void theActiveTimerHasOnlyTheTagsKnownAtStart() {
        this.contextRunner.run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            repository.count(repository.query(Widget.class, "w"), Map.of());
            List<LongTaskTimer> active = List.copyOf(meters(context).find("modelrepo.query.active").tag("cache", "miss")
                .longTaskTimers());
            assertThat(active).hasSize(1);
            LongTaskTimer timer = active.get(0);
            assertThat(timer.getId().getTags()).extracting(io.micrometer.core.instrument.Tag::getKey)
                .containsExactlyInAnyOrder("operation", "model", "dialect", "cache");
            assertThat(timer.getId().getTag("operation")).isEqualTo("select");
            assertThat(timer.getId().getDescription()).isEqualTo(QueryMeters.ACTIVE_DESCRIPTION);
            assertThat(timer.activeTasks()).isZero();
        });
    }

    @Test
    void bootsIgnoredLongTaskTimersAreLeftOutHereToo() {
        this.contextRunner.withPropertyValues("management.metrics.observations.ignored-meters=long-task-timer")
            .run((context) -> {
                ModelRepository repository = context.getBean(ModelRepository.class);
                repository.count(repository.query(Widget.class, "w"), Map.of());
                assertThat(meters(context).find("modelrepo.query").timer().count()).isEqualTo(1);
                assertThat(meters(context).find("modelrepo.query.active").longTaskTimer()).isNull();
            });
    }

    @Test
    void otherObservationsAreStillTimedByBootsDefaultHandler() {
        this.contextRunner.run((context) -> {
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);
            Observation.createNotStarted("other.work", registry).observe(() -> {
            });
            Timer other = meters(context).find("other.work").timer();
            assertThat(other.count()).isEqualTo(1);
            assertThat(other.getId().getDescription()).isNull();
            assertThat(meters(context).find("other.work.active").longTaskTimer()).isNotNull();
        });
    }

    @Test
    void anObservationHandlerOfTheApplicationStillSeesEveryStatement() {
        this.contextRunner.withUserConfiguration(RecordingHandlerConfiguration.class).run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            repository.count(repository.query(Widget.class, "w"), Map.of());
            repository.save(repository.build(Widget.class, Map.of("name", "seen")));
            RecordingHandler recording = context.getBean(RecordingHandler.class);
            assertThat(recording.started).containsExactly("modelrepo.query: select widgets", "modelrepo.query: insert widgets");
            assertThat(recording.stopped).containsExactly("select widgets", "insert widgets");
            // the same context from start to stop, with the key values the timer is tagged with
            assertThat(recording.sameContext).containsExactly(true, true);
            KeyValues insert = recording.keyValues.get(1);
            assertThat(insert.stream().map((kv) -> kv.getKey() + "=" + kv.getValue()))
                .containsExactly("cache=none", "dialect=h2", "error=none", "model=widgets", "operation=insert",
                        "outcome=success");
            assertThat(recording.sql.get(1)).startsWith("INSERT INTO ");
            Timer timer = meters(context).find("modelrepo.query").tag("operation", "insert").timer();
            assertThat(timer.getId().getTags()).extracting((tag) -> tag.getKey() + "=" + tag.getValue())
                .containsExactlyElementsOf(insert.stream().map((kv) -> kv.getKey() + "=" + kv.getValue()).toList());
            assertThat(meters(context).find("modelrepo.query").timers().stream().mapToLong(Timer::count).sum()).isEqualTo(2);
        });
    }

    @Test
    void withBootsTracingEveryStatementIsASpanAndTimedOnce() {
        this.contextRunner.withConfiguration(AutoConfigurations.of(MicrometerTracingAutoConfiguration.class))
            .withUserConfiguration(TracerConfiguration.class)
            .run((context) -> {
                ModelRepository repository = context.getBean(ModelRepository.class);
                SimpleTracer tracer = context.getBean(SimpleTracer.class);
                ConnectionSpans spans = context.getBean(ConnectionSpans.class);
                spans.clear();
                repository.count(repository.query(Widget.class, "w"), Map.of());
                SimpleSpan span = tracer.onlySpan();
                // the statement ran in the observation's scope: its span was current when it took its connection
                assertThat(spans).hasSize(1);
                assertThat(spans.get(0)).isSameAs(span);
                assertThat(span.getName()).isEqualTo("select widgets");
                assertThat(span.getTags()).containsEntry("operation", "select").containsEntry("model", "widgets")
                    .containsKey("db.query.text");
                Timer timer = meters(context).find("modelrepo.query").tag("operation", "select").timer();
                assertThat(timer.count()).isEqualTo(1);
                assertThat(timer.getId().getDescription()).isEqualTo(QueryMeters.TIMER_DESCRIPTION);
            });
    }

    @Test
    void aConventionBeanAndBootsCommonKeyValuesShapeTheTimer() {
        this.contextRunner.withUserConfiguration(RenamingConvention.class)
            .withPropertyValues("management.observations.key-values.region=eu-1")
            .run((context) -> {
                ModelRepository repository = context.getBean(ModelRepository.class);
                repository.count(repository.query(Widget.class, "w"), Map.of());
                assertThat(meters(context).find("modelrepo.query").timer()).isNull();
                Timer timer = meters(context).find("shop.sql").tag("table", "widgets").tag("region", "eu-1").timer();
                assertThat(timer.count()).isEqualTo(1);
                assertThat(timer.getId().getTag("error")).isEqualTo("none");
                assertThat(meters(context).find("shop.sql.active").longTaskTimer()).isNotNull();
            });
    }

    @Test
    void metersAreHeldPerTagSetAndReusedFromTheRegistry() {
        this.contextRunner.run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            for (int i = 0; i < 5; i++) {
                repository.count(repository.query(Widget.class, "w"), Map.of());
            }
            List<Meter> queryMeters = meters(context).getMeters().stream()
                .filter((meter) -> meter.getId().getName().startsWith("modelrepo.query")
                        && !meter.getId().getName().startsWith("modelrepo.query.cache"))
                .toList();
            // a timer and a long task timer per cache outcome (miss, then hit), one rows summary
            assertThat(queryMeters).extracting((meter) -> meter.getId().getName())
                .containsExactlyInAnyOrder("modelrepo.query", "modelrepo.query", "modelrepo.query.active",
                        "modelrepo.query.active", "modelrepo.query.rows");
            assertThat(meters(context).find("modelrepo.query").tag("cache", "hit").timer().count()).isEqualTo(4);
        });
    }

    @Test
    void theDurationIsTheStatementsInOneRegistryInACompositeAndWhenTheActiveTimerIsDenied() {
        MockClock clock = new MockClock();
        SimpleMeterRegistry single = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        SimpleMeterRegistry first = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        SimpleMeterRegistry second = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        CompositeMeterRegistry composite = new CompositeMeterRegistry(clock, List.of(first, second));
        SimpleMeterRegistry denied = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        denied.config().meterFilter(MeterFilter.denyNameStartsWith("modelrepo.query.active"));
        for (MeterRegistry registry : List.of(single, composite, denied)) {
            QueryMeterObservationHandler handler = new QueryMeterObservationHandler();
            handler.bindTo(registry);
            ObservationRegistry observations = ObservationRegistry.create();
            observations.observationConfig().observationHandler(handler);
            new QueryObserver(observations, null).observe("select", "widgets", "h2", "hit", "SELECT 1", () -> {
                clock.add(Duration.ofMillis(5));
                return 1;
            }, (n) -> n);
        }
        for (MeterRegistry registry : List.of(single, first, second, denied)) {
            Timer timer = registry.find("modelrepo.query").timer();
            assertThat(timer.count()).isEqualTo(1);
            assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(5.0);
            assertThat(registry.find("modelrepo.query.rows").summary().totalAmount()).isEqualTo(1.0);
        }
        assertThat(denied.find("modelrepo.query.active").longTaskTimer()).isNull();
        assertThat(single.find("modelrepo.query.active").longTaskTimer().activeTasks()).isZero();
    }

    private static MeterRegistry meters(AssertableApplicationContext context) {
        return context.getBean(MeterRegistry.class);
    }

    /** What a tracing handler is to the registry: a plain handler of every context, outside the meter group. */
    static class RecordingHandler implements ObservationHandler<Observation.Context> {

        final List<String> started = new CopyOnWriteArrayList<>();

        final List<String> stopped = new CopyOnWriteArrayList<>();

        final List<Boolean> sameContext = new CopyOnWriteArrayList<>();

        final List<KeyValues> keyValues = new CopyOnWriteArrayList<>();

        final List<String> sql = new CopyOnWriteArrayList<>();

        private volatile Observation.Context current;

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof QueryContext;
        }

        @Override
        public void onStart(Observation.Context context) {
            QueryContext query = (QueryContext) context;
            this.current = context;
            this.started.add(query.getName() + ": " + query.operation() + " " + query.model());
        }

        @Override
        public void onStop(Observation.Context context) {
            this.sameContext.add(context == this.current);
            this.stopped.add(context.getContextualName());
            this.keyValues.add(context.getLowCardinalityKeyValues());
            this.sql.add(context.getHighCardinalityKeyValue("db.query.text").getValue());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingHandlerConfiguration {

        @Bean
        RecordingHandler recordingHandler() {
            return new RecordingHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TracerConfiguration {

        @Bean
        SimpleTracer simpleTracer() {
            return new SimpleTracer();
        }

        @Bean
        ConnectionSpans connectionSpans() {
            return new ConnectionSpans();
        }

        /** The application's DataSource, noting the current span's name whenever a connection is taken. */
        @Bean
        static BeanPostProcessor spanNotingDataSource(ObjectProvider<SimpleTracer> tracer,
                ObjectProvider<ConnectionSpans> spans) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (!(bean instanceof DataSource dataSource)) {
                        return bean;
                    }
                    return new DelegatingDataSource(dataSource) {
                        @Override
                        public Connection getConnection() throws SQLException {
                            io.micrometer.tracing.Span span = tracer.getObject().currentSpan();
                            spans.getObject().add(span == null ? "none" : span);
                            return super.getConnection();
                        }
                    };
                }
            };
        }
    }

    /** The spans current when connections were taken ("none" when none was). */
    static class ConnectionSpans extends CopyOnWriteArrayList<Object> {
    }

    @Configuration(proxyBeanMethods = false)
    static class RenamingConvention {

        @Bean
        QueryObservationConvention shopConvention() {
            return new QueryObservationConvention() {

                @Override
                public String getName() {
                    return "shop.sql";
                }

                @Override
                public KeyValues getLowCardinalityKeyValues(QueryContext context) {
                    return KeyValues.of("table", context.model());
                }
            };
        }
    }
}

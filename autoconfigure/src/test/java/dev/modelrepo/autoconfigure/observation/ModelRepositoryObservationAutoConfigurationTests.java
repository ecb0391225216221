package dev.modelrepo.autoconfigure.observation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.autoconfigure.ModelRepositoryBuilderCustomizer;
import dev.modelrepo.autoconfigure.models.Widget;
import dev.modelrepo.autoconfigure.versioned.Gadget;
import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.lock.LockOptions;
import dev.modelrepo.observation.QueryContext;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.QueryCache;
import dev.modelrepo.repository.ModelRepository;

import static dev.modelrepo.query.Q.asc;
import static dev.modelrepo.query.Q.desc;
import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tests of {@link ModelRepositoryObservationAutoConfiguration}: observations and meters on an embedded H2 database. */
class ModelRepositoryObservationAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class, LiquibaseAutoConfiguration.class,
                ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
                ModelRepositoryAutoConfiguration.class, ModelRepositoryObservationAutoConfiguration.class))
        .withPropertyValues("spring.datasource.generate-unique-name=true",
                "spring.liquibase.change-log=classpath:db/test-changelog.xml")
        .withUserConfiguration(ApplicationPackage.class, Meters.class);

    @Test
    void bindsTheMetersWhenMicrometerCoreIsPresent() {
        this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
            .hasSingleBean(QueryCacheMeterBinder.class)
            .hasSingleBean(QueryMeterObservationHandler.class)
            .hasBean("modelRepositoryObservationCustomizer"));
    }

    @Test
    void everyStatementIsTimedAsModelrepoQuery() {
        this.contextRunner.run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            repository.count(repository.query(Widget.class, "w"), Map.of());
            Timer timer = meters(context).find("modelrepo.query").tag("operation", "select").tag("model", "widgets").timer();
            assertThat(timer).isNotNull();
            assertThat(timer.count()).isEqualTo(1);
        });
    }

    @Test
    void queryCacheMetersFollowItsStatistics() {
        this.contextRunner.run((context) -> {
            MeterRegistry meters = meters(context);
            ModelRepository repository = context.getBean(ModelRepository.class);
            QueryCache cache = context.getBean(QueryCache.class);
            ModelQuery<Widget> byName = repository.query(Widget.class, "w").where(eq("w.name", param("name")));
            long hits = cache.stats().hits();
            long misses = cache.stats().misses();
            repository.list(byName, Map.of("name", "a"));
            repository.list(byName, Map.of("name", "b"));
            repository.list(byName, Map.of("name", "c"));
            FunctionCounter hitCounter = meters.find("modelrepo.query.cache.hits").tag("name", "modelRepositoryQueryCache")
                .functionCounter();
            FunctionCounter missCounter = meters.find("modelrepo.query.cache.misses").functionCounter();
            assertThat(hitCounter.count()).isEqualTo(hits + 2);
            assertThat(missCounter.count()).isEqualTo(misses + 1);
            Gauge size = meters.find("modelrepo.query.cache.size").gauge();
            assertThat(size.value()).isEqualTo(cache.stats().size()).isGreaterThanOrEqualTo(1);
            assertThat(meters.find("modelrepo.query.cache.max-size").gauge().value())
                .isEqualTo(QueryCache.DEFAULT_MAX_SIZE);
            assertThat(meters.find("modelrepo.query.cache.evictions").functionCounter().count()).isZero();
            assertThat(hitCounter.getId().getDescription()).isNotBlank();
            assertThat(size.getId().getDescription()).isNotBlank();
        });
    }

    @Test
    void evictionsAreCountedWhenTheCacheIsFull() {
        this.contextRunner.withPropertyValues("modelrepo.query-cache.max-size=1").run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            // five shapes (a literal limit would not make one: literals are bind slots)
            repository.list(repository.query(Widget.class, "w").orderBy(asc("w.id")), Map.of());
            repository.list(repository.query(Widget.class, "w").orderBy(desc("w.id")), Map.of());
            repository.list(repository.query(Widget.class, "w").orderBy(asc("w.name")), Map.of());
            repository.list(repository.query(Widget.class, "w").orderBy(desc("w.name")), Map.of());
            repository.list(repository.query(Widget.class, "w").where(eq("w.name", "x")), Map.of());
            assertThat(meters(context).find("modelrepo.query.cache.evictions").functionCounter().count())
                .isGreaterThanOrEqualTo(4);
            assertThat(meters(context).find("modelrepo.query.cache.size").gauge().value()).isLessThanOrEqualTo(1);
        });
    }

    @Test
    void rowsReturnedAndAffectedAreSummarizedPerOperationAndModel() {
        this.contextRunner.run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            repository.save(repository.build(Widget.class, Map.of("name", "second")));
            repository.save(repository.build(Widget.class, Map.of("name", "third")));
            repository.list(repository.query(Widget.class, "w"), Map.of());
            int updated = repository.updateWhere(repository.query(Widget.class, "w"), Map.of("name", "renamed"), Map.of());
            MeterRegistry meters = meters(context);
            DistributionSummary selected = meters.find("modelrepo.query.rows")
                .tag("operation", "select")
                .tag("model", "widgets")
                .summary();
            assertThat(selected.count()).isEqualTo(1);
            assertThat(selected.totalAmount()).isEqualTo(3);
            DistributionSummary inserted = meters.find("modelrepo.query.rows").tag("operation", "insert").summary();
            assertThat(inserted.count()).isEqualTo(2);
            assertThat(inserted.totalAmount()).isEqualTo(2);
            assertThat(updated).isEqualTo(3);
            assertThat(meters.find("modelrepo.query.rows").tag("operation", "update").summary().max()).isEqualTo(3);
            assertThat(selected.getId().getBaseUnit()).isEqualTo("rows");
            assertThat(selected.getId().getDescription()).isNotBlank();
        });
    }

    @Test
    void optimisticConflictsAreCounted() {
        this.contextRunner.withPropertyValues("modelrepo.model-packages=dev.modelrepo.autoconfigure.versioned")
            .run((context) -> {
                ModelRepository repository = context.getBean(ModelRepository.class);
                Gadget gadget = repository.build(Gadget.class, Map.of("name", "gizmo"));
                repository.save(gadget);
                Gadget concurrent = repository.findById(Gadget.class, gadget.id()).orElseThrow();
                concurrent.set("name", "first writer");
                repository.save(concurrent);
                gadget.set("name", "second writer");
                assertThatThrownBy(() -> repository.save(gadget)).isInstanceOf(OptimisticLockingFailureException.class);
                assertThat(meters(context).find("modelrepo.conflicts")
                    .tag("type", "optimistic")
                    .tag("model", "gadgets")
                    .counter()
                    .count()).isEqualTo(1);
                assertThat(meters(context).find("modelrepo.conflicts").tag("type", "lock").counter()).isNull();
            });
    }

    @Test
    void lockFailuresAreCounted() {
        this.contextRunner.run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            LockOperations locks = context.getBean(LockOperations.class);
            ModelQuery<Widget> all = repository.query(Widget.class, "w");
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> locks.useLocked(all, Map.of(),
                    LockOptions.forUpdate(), (rows) -> {
                        locked.countDown();
                        await(release);
                    }));
            try {
                assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
                assertThatThrownBy(() -> locks.useLocked(all, Map.of(), LockOptions.forUpdate().nowait(), (rows) -> {
                })).isInstanceOf(CannotAcquireLockException.class);
            }
            finally {
                release.countDown();
                holder.get(10, TimeUnit.SECONDS);
            }
            assertThat(meters(context).find("modelrepo.conflicts").tag("type", "lock").counter().count()).isEqualTo(1);
        });
    }

    @Test
    void deadlocksAreCountedFromTheObservationsError() {
        this.contextRunner.run((context) -> {
            ObservationRegistry registry = context.getBean(ObservationRegistry.class);
            QueryContext query = new QueryContext("update", "widgets", "h2", "none", "UPDATE widgets SET name = ?");
            Observation observation = Observation.createNotStarted("modelrepo.query", () -> query, registry).start();
            observation.error(new PessimisticLockingFailureException("deadlock detected"));
            observation.stop();
            assertThat(meters(context).find("modelrepo.conflicts").tag("type", "deadlock").counter().count())
                .isEqualTo(1);
        });
    }

    @Test
    void conflictTypesFollowSpringsExceptionTree() {
        assertThat(QueryMeterObservationHandler.conflictType(new OptimisticLockingFailureException("x")))
            .isEqualTo("optimistic");
        assertThat(QueryMeterObservationHandler.conflictType(new CannotAcquireLockException("x"))).isEqualTo("lock");
        assertThat(QueryMeterObservationHandler.conflictType(new PessimisticLockingFailureException("x")))
            .isEqualTo("deadlock");
        assertThat(QueryMeterObservationHandler.conflictType(new IllegalStateException("x"))).isNull();
    }

    @Test
    void micrometerCoreStaysOptional() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, LiquibaseAutoConfiguration.class,
                    ObservationAutoConfiguration.class, ModelRepositoryAutoConfiguration.class,
                    ModelRepositoryObservationAutoConfiguration.class))
            .withPropertyValues("spring.datasource.generate-unique-name=true",
                    "spring.liquibase.change-log=classpath:db/test-changelog.xml")
            .withUserConfiguration(ApplicationPackage.class)
            .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
            .run((context) -> {
                assertThat(context).hasNotFailed()
                    .doesNotHaveBean(QueryCacheMeterBinder.class)
                    .doesNotHaveBean(QueryMeterObservationHandler.class)
                    .hasSingleBean(ModelRepositoryBuilderCustomizer.class)
                    .hasSingleBean(ObservationRegistry.class);
                ModelRepository repository = context.getBean(ModelRepository.class);
                assertThat(repository.count(repository.query(Widget.class, "w"), Map.of())).isEqualTo(1);
            });
    }

    @Test
    void metricsCanBeTurnedOff() {
        this.contextRunner.withPropertyValues("modelrepo.metrics.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed()
                .doesNotHaveBean(QueryCacheMeterBinder.class)
                .doesNotHaveBean(QueryMeterObservationHandler.class)
                .doesNotHaveBean(ModelRepositoryBuilderCustomizer.class);
            ModelRepository repository = context.getBean(ModelRepository.class);
            repository.count(repository.query(Widget.class, "w"), Map.of());
            assertThat(meters(context).find("modelrepo.query").timer()).isNull();
            assertThat(meters(context).find("modelrepo.query.cache.size").gauge()).isNull();
        });
    }

    private static MeterRegistry meters(AssertableApplicationContext context) {
        return context.getBean(MeterRegistry.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Widget.class)
    static class ApplicationPackage {

    }

    @Configuration(proxyBeanMethods = false)
    static class Meters {

        @Bean
        SimpleMeterRegistry simpleMeterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}

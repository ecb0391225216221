package dev.modelrepo.autoconfigure;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;

import dev.modelrepo.autoconfigure.models.Widget;
import dev.modelrepo.autoconfigure.observation.ModelRepositoryObservationAutoConfiguration;
import dev.modelrepo.bulk.BulkOperations;
import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.repository.ModelRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code modelrepo.*} property of the configuration metadata, set to a value other than its default, changes
 * what the auto-configured beans do; a property added without a test here fails {@link #everyPropertyHasATestHere()}.
 */
class ModelRepositoryPropertyEffectsTests {

    private static final Set<String> TESTED = Set.of("modelrepo.dialect", "modelrepo.model-packages", "modelrepo.query-timeout",
            "modelrepo.query-cache.max-size", "modelrepo.lock.retry.attempts", "modelrepo.lock.retry.backoff",
            "modelrepo.metrics.enabled", "modelrepo.bulk.batch-size", "modelrepo.sql.masked-columns",
            "modelrepo.sql.slow-query-threshold",
            // what reaches the driver is asserted in SqlCommentsAutoConfigurationTests
            "modelrepo.sql.comments",
            // their effects on SQLite pools are asserted in SqlitePoolDefaultsTests
            "modelrepo.sqlite.enabled", "modelrepo.sqlite.journal-mode", "modelrepo.sqlite.busy-timeout", "modelrepo.sqlite.foreign-keys",
            "modelrepo.sqlite.transaction-mode", "modelrepo.web.problem-details",
            // their effects on @RetryOnConflict methods are asserted in tx.RetryOnConflictAutoConfigurationTests
            "modelrepo.tx.retry.enabled", "modelrepo.tx.retry.attempts", "modelrepo.tx.retry.backoff",
            // their effects are asserted in replica.ReplicaAutoConfigurationTests (url, username, password, check-interval)
            // and on a real standby in replica.ReplicaRoutingPostgresTests (url, max-lag)
            "modelrepo.replica.url", "modelrepo.replica.username", "modelrepo.replica.password", "modelrepo.replica.max-lag",
            "modelrepo.replica.check-interval");

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class, LiquibaseAutoConfiguration.class,
                ObservationAutoConfiguration.class, ModelRepositoryAutoConfiguration.class,
                ModelRepositoryObservationAutoConfiguration.class))
        .withPropertyValues("spring.datasource.generate-unique-name=true",
                "spring.liquibase.change-log=classpath:db/test-changelog.xml")
        .withUserConfiguration(ModelRepositoryAutoConfigurationTests.ApplicationPackage.class);

    private final Logger sqlLogger = (Logger) LoggerFactory.getLogger("dev.modelrepo.sql");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private Level previousLevel;

    @BeforeEach
    void capture() {
        this.previousLevel = this.sqlLogger.getLevel();
        this.appender.start();
        this.sqlLogger.addAppender(this.appender);
    }

    @AfterEach
    void restore() {
        this.sqlLogger.detachAppender(this.appender);
        this.sqlLogger.setLevel(this.previousLevel);
    }

    @Test
    void everyPropertyHasATestHere() throws Exception {
        Set<String> names = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the generated configuration metadata").isNotNull();
            Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"(modelrepo\\.[^\"]+)\"").matcher(new String(in.readAllBytes()));
            while (m.find()) {
                if (!m.group(1).matches("modelrepo\\.(bulk|lock|lock\\.retry|tx|tx\\.retry|sql|sqlite|metrics|query-cache|replica)")) {   // the groups
                    names.add(m.group(1));
                }
            }
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(TESTED);
    }

    @Test
    void webProblemDetailsFalseSwitchesTheProblemDetailsHandlerOff() {
        org.springframework.boot.test.context.runner.WebApplicationContextRunner web = new org.springframework.boot.test.context.runner.WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(dev.modelrepo.autoconfigure.web.ModelRepositoryWebAutoConfiguration.class));
        web.run((context) -> assertThat(context).hasSingleBean(dev.modelrepo.autoconfigure.web.ModelProblemDetailsHandler.class));
        web.withPropertyValues("modelrepo.web.problem-details=false")
            .run((context) -> assertThat(context).doesNotHaveBean(dev.modelrepo.autoconfigure.web.ModelProblemDetailsHandler.class));
    }

    @Test
    void dialectNamesTheDialect() {
        this.contextRunner.withPropertyValues("modelrepo.dialect=oracle").run((context) -> assertThat(context.getStartupFailure())
            .rootCause().hasMessageContaining("Unknown dialect 'oracle'"));
    }

    @Test
    void modelPackagesAreScanned() {
        this.contextRunner.withPropertyValues("modelrepo.model-packages=dev.modelrepo.autoconfigure.nothing-here")
            .run((context) -> assertThat(context.getBean(ModelRegistry.class).modelTypes()).isEmpty());
    }

    @Test
    void queryTimeoutReachesTheRepository() {
        this.contextRunner.withPropertyValues("modelrepo.query-timeout=1500ms")
            .run((context) -> assertThat(context.getBean(ModelRepository.class).queryTimeoutSeconds()).isEqualTo(2));
    }

    @Test
    void queryCacheMaxSizeSizesTheCache() {
        this.contextRunner.withPropertyValues("modelrepo.query-cache.max-size=7")
            .run((context) -> assertThat(context.getBean(ModelRepository.class).queryCache().stats().maxSize()).isEqualTo(7));
    }

    @Test
    void lockRetrySettingsReachTheLockOperations() {
        this.contextRunner.withPropertyValues("modelrepo.lock.retry.attempts=3", "modelrepo.lock.retry.backoff=7ms")
            .run((context) -> {
                LockOperations locks = context.getBean(LockOperations.class);
                assertThat(locks.defaultAttempts()).isEqualTo(3);
                assertThat(locks.initialBackoff()).isEqualTo(Duration.ofMillis(7));
            });
    }

    @Test
    void metricsEnabledFalseStopsTheObservations() {
        this.contextRunner.withUserConfiguration(TestObservations.class).withPropertyValues("modelrepo.metrics.enabled=false")
            .run((context) -> {
                ModelRepository repository = context.getBean(ModelRepository.class);
                repository.count(repository.query(Widget.class, "w"), Map.of());
                TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class)).doesNotHaveAnyObservation();
            });
    }

    @Test
    void bulkBatchSizeSplitsBulkStatements() {
        AtomicInteger batches = new AtomicInteger();
        ApplicationContextRunner counted = this.contextRunner.withBean(DataSource.class, () -> countingBatches(batches));
        List<Map<String, Object>> rows = List.of(Map.of("name", "b1"), Map.of("name", "b2"), Map.of("name", "b3"),
                Map.of("name", "b4"), Map.of("name", "b5"));
        counted.withPropertyValues("modelrepo.bulk.batch-size=2").run((context) -> {
            BulkOperations bulk = context.getBean(BulkOperations.class);
            assertThat(bulk.defaults().batchSize()).isEqualTo(2);
            assertThat(context.getBean(ModelRepository.class).bulk().defaults().batchSize()).isEqualTo(2);
            batches.set(0);
            assertThat(bulk.insertBulk(Widget.class, List.of("name"), rows)).isEqualTo(5);
            assertThat(batches).as("H2 sends 2 + 2 + 1 rows").hasValue(3);
        });
        counted.run((context) -> {
            batches.set(0);
            context.getBean(BulkOperations.class).insertBulk(Widget.class, List.of("name"), rows);
            assertThat(batches).as("one batch of up to 1000 rows").hasValue(1);
        });
    }

    /** An embedded H2 whose prepared statements count their executeBatch calls. */
    private static DataSource countingBatches(AtomicInteger batches) {
        DataSource h2 = new EmbeddedDatabaseBuilder().generateUniqueName(true).setType(EmbeddedDatabaseType.H2).build();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] { DataSource.class },
                (proxy, method, args) -> {
                    Object result = invoke(h2, method, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                            (c, cm, cargs) -> {
                                Object made = invoke(connection, cm, cargs);
                                if (!(made instanceof PreparedStatement ps)) {
                                    return made;
                                }
                                return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                                        new Class<?>[] { PreparedStatement.class }, (p, pm, pargs) -> {
                                            if (pm.getName().equals("executeBatch")) {
                                                batches.incrementAndGet();
                                            }
                                            return invoke(ps, pm, pargs);
                                        });
                            });
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

    @Test
    void sqlMaskedColumnsReplaceTheDefaults() {
        this.contextRunner.withPropertyValues("modelrepo.sql.masked-columns=NAME").run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            this.sqlLogger.setLevel(Level.TRACE);
            repository.save(repository.build(Widget.class, Map.of("name", "masked sprocket")));
            assertThat(messages()).anySatisfy((m) -> assertThat(m).startsWith("insert widgets values [name=****]"))
                .noneSatisfy((m) -> assertThat(m).contains("masked sprocket"));
        });
    }

    @Test
    void sqlSlowQueryThresholdLogsSlowerStatementsAtWarn() {
        this.contextRunner.withPropertyValues("modelrepo.sql.slow-query-threshold=1ns").run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            this.sqlLogger.setLevel(Level.WARN);
            repository.count(repository.query(Widget.class, "w"), Map.of());
            assertThat(this.appender.list).singleElement().satisfies((e) -> {
                assertThat(e.getLevel()).isEqualTo(Level.WARN);
                assertThat(e.getFormattedMessage()).startsWith("slow select widgets [1 row, ").contains("over 0.00 ms");
            });
        });
    }

    @Test
    void sqlCommentsInstallTheCommenterOfTheApplication() {
        ApplicationContextRunner comments = this.contextRunner
            .withConfiguration(AutoConfigurations.of(dev.modelrepo.autoconfigure.sql.ModelRepositorySqlCommentsAutoConfiguration.class))
            .withPropertyValues("spring.application.name=census");
        comments.run((context) -> assertThat(context).doesNotHaveBean(dev.modelrepo.observation.SqlCommenter.class));
        comments.withPropertyValues("modelrepo.sql.comments=true")
            .run((context) -> assertThat(context.getBean(dev.modelrepo.observation.SqlCommenter.class).tags())
                .containsExactly(Map.entry("application", "census")));
    }

    private List<String> messages() {
        return this.appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Configuration(proxyBeanMethods = false)
    static class TestObservations {

        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }

    }

}

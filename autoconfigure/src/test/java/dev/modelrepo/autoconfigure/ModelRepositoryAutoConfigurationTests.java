package dev.modelrepo.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.PlatformTransactionManager;

import dev.modelrepo.autoconfigure.missing.Ghost;
import dev.modelrepo.autoconfigure.observation.ModelRepositoryObservationAutoConfiguration;
import dev.modelrepo.autoconfigure.models.Widget;
import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.H2Dialect;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelListener;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.UnknownTableException;
import dev.modelrepo.observation.DefaultQueryObservationConvention;
import dev.modelrepo.observation.QueryObservationConvention;
import dev.modelrepo.query.QueryCache;
import dev.modelrepo.repository.ModelRepository;

import static dev.modelrepo.query.Q.asc;
import static org.assertj.core.api.Assertions.assertThat;

/** Tests of {@link ModelRepositoryAutoConfiguration} on an embedded H2 database. */
class ModelRepositoryAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class, LiquibaseAutoConfiguration.class,
                ObservationAutoConfiguration.class, ModelRepositoryAutoConfiguration.class,
                ModelRepositoryObservationAutoConfiguration.class))
        .withPropertyValues("spring.datasource.generate-unique-name=true",
                "spring.liquibase.change-log=classpath:db/test-changelog.xml")
        .withUserConfiguration(ApplicationPackage.class);

    @Test
    void registersRepositoryBeansWhenThereIsADataSource() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasNotFailed()
                .hasSingleBean(Dialect.class)
                .hasSingleBean(ModelRegistry.class)
                .hasSingleBean(QueryCache.class)
                .hasSingleBean(ModelRepository.class)
                .hasSingleBean(dev.modelrepo.lock.LockOperations.class)
                .hasSingleBean(ModelRepositoryProperties.class)
                .hasBean("observationRegistry");
            assertThat(context.getBean(Dialect.class)).isSameAs(H2Dialect.INSTANCE);
            ModelRepository repository = context.getBean(ModelRepository.class);
            assertThat(repository.registry()).isSameAs(context.getBean(ModelRegistry.class));
            assertThat(repository.queryCache()).isSameAs(context.getBean(QueryCache.class));
            assertThat(repository.queryCache().stats().maxSize()).isEqualTo(QueryCache.DEFAULT_MAX_SIZE);
        });
    }

    @Test
    void scansTheApplicationPackagesAndReadsTablesMigratedByLiquibase() {
        this.contextRunner.run((context) -> {
            ModelRegistry registry = context.getBean(ModelRegistry.class);
            assertThat(registry.modelTypes()).containsExactly(Widget.class);
            assertThat(registry.loadedTables()).containsExactly("widgets");
            assertThat(registry.table(Widget.class).columnNames()).containsExactly("id", "name");
            ModelRepository repository = context.getBean(ModelRepository.class);
            List<Widget> widgets = repository.list(repository.query(Widget.class, "w").orderBy(asc("w.id")), Map.of());
            assertThat(widgets).extracting((widget) -> widget.get("name")).containsExactly("liquibase sprocket");
        });
    }

    @Test
    void modelRegistryDependsOnLiquibase() {
        this.contextRunner.run((context) -> {
            String[] registryNames = context.getBeanNamesForType(ModelRegistry.class);
            assertThat(registryNames).hasSize(1);
            assertThat(context.getBeanFactory().getBeanDefinition(registryNames[0]).getDependsOn())
                .contains("liquibase");
        });
    }

    @Test
    void repositoryUsesTheApplicationsTransactionManager() {
        this.contextRunner.run((context) -> assertThat(context.getBean(ModelRepository.class).transactionManager())
            .isSameAs(context.getBean(PlatformTransactionManager.class)));
    }

    @Test
    void modelListenerBeansSeeWrites() {
        this.contextRunner.withUserConfiguration(RecordingListenerConfiguration.class).run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            assertThat(repository.save(repository.build(Widget.class, Map.of("name", "saved sprocket")))).isTrue();
            assertThat(context.getBean(RecordingListener.class).events)
                .containsExactly("beforeInsert saved sprocket", "afterInsert saved sprocket");
            assertThat(repository.list(repository.query(Widget.class, "w").orderBy(asc("w.id")), Map.of()))
                .extracting((widget) -> widget.get("name"))
                .containsExactly("liquibase sprocket", "saved sprocket");
        });
    }

    @Test
    void queriesAreObservedInTheApplicationsObservationRegistry() {
        this.contextRunner.withUserConfiguration(TestObservations.class).run((context) -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            ModelRepository repository = context.getBean(ModelRepository.class);
            repository.count(repository.query(Widget.class, "w"), Map.of());
            TestObservationRegistryAssert.assertThat(registry)
                .hasObservationWithNameEqualTo(DefaultQueryObservationConvention.NAME)
                .that()
                .hasLowCardinalityKeyValue("model", "widgets")
                .hasLowCardinalityKeyValue("dialect", "h2");
        });
    }

    @Test
    void queryObservationConventionBeanIsUsed() {
        this.contextRunner.withUserConfiguration(TestObservations.class, CustomConvention.class).run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            repository.count(repository.query(Widget.class, "w"), Map.of());
            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                .hasObservationWithNameEqualTo("custom.query");
        });
    }

    @Test
    void queriesAreNotObservedWhenMetricsAreDisabled() {
        this.contextRunner.withUserConfiguration(TestObservations.class)
            .withPropertyValues("modelrepo.metrics.enabled=false")
            .run((context) -> {
                ModelRepository repository = context.getBean(ModelRepository.class);
                repository.count(repository.query(Widget.class, "w"), Map.of());
                TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                    .doesNotHaveAnyObservation();
            });
    }

    @Test
    void backsOffWithoutDataSource() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ModelRepositoryAutoConfiguration.class))
            .withUserConfiguration(ApplicationPackage.class)
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(ModelRepository.class)
                .doesNotHaveBean(ModelRegistry.class)
                .doesNotHaveBean(QueryCache.class)
                .doesNotHaveBean(Dialect.class)
                .doesNotHaveBean(ModelRepositoryProperties.class));
    }

    @Test
    void backsOffWithTwoDataSourcesAndNoPrimary() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ModelRepositoryAutoConfiguration.class))
            .withUserConfiguration(ApplicationPackage.class, TwoDataSources.class)
            .run((context) -> assertThat(context).hasNotFailed()
                .hasBean("first")
                .hasBean("second")
                .doesNotHaveBean(ModelRepository.class));
    }

    @Test
    void userDefinedModelRepositoryWins() {
        this.contextRunner.withUserConfiguration(UserRepository.class).run((context) -> {
            assertThat(context).hasSingleBean(ModelRepository.class);
            assertThat(context.getBean(ModelRepository.class)).isSameAs(context.getBean("userRepository"));
        });
    }

    @Test
    void userDefinedQueryCacheWinsAndIsUsedByTheRepository() {
        this.contextRunner.withUserConfiguration(UserQueryCache.class).run((context) -> {
            assertThat(context).hasSingleBean(QueryCache.class);
            QueryCache cache = context.getBean(QueryCache.class);
            assertThat(cache).isSameAs(context.getBean("userQueryCache"));
            assertThat(cache.stats().maxSize()).isEqualTo(42);
            assertThat(context.getBean(ModelRepository.class).queryCache()).isSameAs(cache);
        });
    }

    @Test
    void userDefinedDialectWinsAndIsUsedByRegistryAndRepository() {
        this.contextRunner.withUserConfiguration(UserDialect.class).run((context) -> {
            assertThat(context).hasSingleBean(Dialect.class);
            Dialect dialect = context.getBean(Dialect.class);
            assertThat(dialect).isSameAs(context.getBean("userDialect")).isNotSameAs(H2Dialect.INSTANCE);
            assertThat(context.getBean(ModelRegistry.class).dialect()).isSameAs(dialect);
            assertThat(context.getBean(ModelRepository.class).dialect()).isSameAs(dialect);
        });
    }

    @Test
    void queryCacheMaxSizeIsBound() {
        this.contextRunner.withPropertyValues("modelrepo.query-cache.max-size=7").run((context) -> {
            assertThat(context.getBean(QueryCache.class).stats().maxSize()).isEqualTo(7);
            assertThat(context.getBean(ModelRepository.class).queryCache().stats().maxSize()).isEqualTo(7);
        });
    }

    @Test
    void queryCacheMaxSizeZeroDisablesTheCache() {
        this.contextRunner.withPropertyValues("modelrepo.query-cache.max-size=0")
            .run((context) -> assertThat(context.getBean(QueryCache.class).enabled()).isFalse());
    }

    @Test
    void dialectIsChosenByName() {
        this.contextRunner.withPropertyValues("modelrepo.dialect=h2")
            .run((context) -> assertThat(context.getBean(Dialect.class)).isSameAs(H2Dialect.INSTANCE));
    }

    @Test
    void unknownDialectNameFailsStartUp() {
        this.contextRunner.withPropertyValues("modelrepo.dialect=oracle").run((context) -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("Unknown dialect 'oracle'");
        });
    }

    @Test
    void modelPackagesPropertyReplacesTheApplicationPackages() {
        this.contextRunner.withPropertyValues("modelrepo.model-packages=dev.modelrepo.autoconfigure.nothing-here")
            .run((context) -> assertThat(context.getBean(ModelRegistry.class).modelTypes()).isEmpty());
    }

    @Test
    void everyPropertyIsBound() {
        this.contextRunner
            .withPropertyValues("modelrepo.model-packages=dev.modelrepo.autoconfigure.models,com.example.more",
                    "modelrepo.query-timeout=1500ms", "modelrepo.bulk.batch-size=5000",
                    "modelrepo.lock.retry.attempts=3", "modelrepo.lock.retry.backoff=1s",
                    "modelrepo.sql.masked-columns=pin,ssn", "modelrepo.sql.slow-query-threshold=250ms",
                    "modelrepo.metrics.enabled=false")
            .run((context) -> {
                ModelRepositoryProperties properties = context.getBean(ModelRepositoryProperties.class);
                assertThat(properties.getModelPackages()).containsExactly("dev.modelrepo.autoconfigure.models",
                        "com.example.more");
                assertThat(properties.getQueryTimeout()).isEqualTo(Duration.ofMillis(1500));
                assertThat(properties.getBulk().getBatchSize()).isEqualTo(5000);
                assertThat(properties.getLock().getRetry().getAttempts()).isEqualTo(3);
                assertThat(properties.getLock().getRetry().getBackoff()).isEqualTo(Duration.ofSeconds(1));
                assertThat(properties.getSql().getMaskedColumns()).containsExactly("pin", "ssn");
                assertThat(properties.getSql().getSlowQueryThreshold()).isEqualTo(Duration.ofMillis(250));
                assertThat(properties.getMetrics().isEnabled()).isFalse();
            });
    }

    @Test
    void lockOperationsBeanAndRepositoryLocksHaveTheSameDefaults() {
        this.contextRunner.run((context) -> {
            dev.modelrepo.lock.LockOperations bean = context.getBean(dev.modelrepo.lock.LockOperations.class);
            dev.modelrepo.lock.LockOperations own = context.getBean(ModelRepository.class).locks();
            assertThat(bean.initialBackoff()).isEqualTo(own.initialBackoff()).isEqualTo(Duration.ofMillis(50));
            assertThat(bean.defaultAttempts()).isEqualTo(own.defaultAttempts()).isEqualTo(5);
        });
    }

    @Test
    void lockRetryPropertiesReachTheLockOperationsBean() {
        this.contextRunner.withPropertyValues("modelrepo.lock.retry.attempts=3", "modelrepo.lock.retry.backoff=7ms")
            .run((context) -> {
                dev.modelrepo.lock.LockOperations bean = context.getBean(dev.modelrepo.lock.LockOperations.class);
                assertThat(bean.initialBackoff()).isEqualTo(Duration.ofMillis(7));
                assertThat(bean.defaultAttempts()).isEqualTo(3);
            });
    }

    @Test
    void propertiesHaveDocumentedDefaults() {
        ModelRepositoryProperties properties = new ModelRepositoryProperties();
        assertThat(properties.getDialect()).isNull();
        assertThat(properties.getModelPackages()).isEmpty();
        assertThat(properties.getQueryTimeout()).isNull();
        assertThat(properties.getQueryCache().getMaxSize()).isEqualTo(QueryCache.DEFAULT_MAX_SIZE);
        assertThat(properties.getBulk().getBatchSize()).isNull();
        assertThat(properties.getLock().getRetry().getAttempts()).isEqualTo(5).isEqualTo(dev.modelrepo.lock.LockOperations.DEFAULT_ATTEMPTS);
        assertThat(properties.getLock().getRetry().getBackoff()).isEqualTo(Duration.ofMillis(50))
            .isEqualTo(dev.modelrepo.lock.LockOperations.INITIAL_BACKOFF);
        assertThat(properties.getSql().getMaskedColumns()).isEqualTo(dev.modelrepo.observation.SqlLogSettings.DEFAULT_MASKED_COLUMNS);
        assertThat(properties.getSql().getSlowQueryThreshold()).isNull();
        assertThat(properties.getMetrics().isEnabled()).isTrue();
    }

    @Test
    void queryTimeoutIsRoundedUpToWholeSeconds() {
        this.contextRunner.run((context) -> assertThat(context.getBean(ModelRepository.class).queryTimeoutSeconds()).isZero());
        this.contextRunner.withPropertyValues("modelrepo.query-timeout=0s")
            .run((context) -> assertThat(context.getBean(ModelRepository.class).queryTimeoutSeconds()).isZero());
        this.contextRunner.withPropertyValues("modelrepo.query-timeout=1ms")
            .run((context) -> assertThat(context.getBean(ModelRepository.class).queryTimeoutSeconds()).isEqualTo(1));
        this.contextRunner.withPropertyValues("modelrepo.query-timeout=2500ms")
            .run((context) -> assertThat(context.getBean(ModelRepository.class).queryTimeoutSeconds()).isEqualTo(3));
    }

    @Test
    void startsWithoutLiquibaseWhenSqlScriptsCreateTheSchema() {
        this.contextRunner.withClassLoader(new FilteredClassLoader("liquibase"))
            .withConfiguration(AutoConfigurations.of(DataSourceInitializationAutoConfiguration.class))
            .withPropertyValues("spring.sql.init.schema-locations=classpath:db/widgets-schema.sql")
            .run((context) -> {
                assertThat(context).hasNotFailed().doesNotHaveBean("liquibase").hasSingleBean(ModelRepository.class);
                ModelRepository repository = context.getBean(ModelRepository.class);
                assertThat(repository.list(repository.query(Widget.class, "w"), Map.of()))
                    .extracting((widget) -> widget.get("name"))
                    .containsExactly("script sprocket");
            });
    }

    @Test
    void startsWithoutBootsObservationAutoConfiguration() {
        // micrometer-observation itself is a dependency of core (it observes every statement), so it cannot be
        // absent; what an application may lack is Boot's observation module and with it any ObservationRegistry.
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class, LiquibaseAutoConfiguration.class,
                    ModelRepositoryAutoConfiguration.class))
            .withPropertyValues("spring.datasource.generate-unique-name=true",
                    "spring.liquibase.change-log=classpath:db/test-changelog.xml")
            .withUserConfiguration(ApplicationPackage.class)
            .withClassLoader(new FilteredClassLoader("org.springframework.boot.micrometer.observation"))
            .run((context) -> {
                assertThat(context).hasNotFailed()
                    .doesNotHaveBean(ObservationRegistry.class)
                    .hasSingleBean(ModelRepository.class);
                ModelRepository repository = context.getBean(ModelRepository.class);
                assertThat(repository.count(repository.query(Widget.class, "w"), Map.of())).isEqualTo(1);
            });
    }

    @Test
    void missingTableFailsStartUpNamingModelAndTable() {
        this.contextRunner.withPropertyValues("modelrepo.model-packages=dev.modelrepo.autoconfigure.missing")
            .run((context) -> {
                assertThat(context).hasFailed();
                Throwable failure = context.getStartupFailure();
                assertThat(failure).rootCause().isInstanceOf(UnknownTableException.class);
                UnknownTableException cause = (UnknownTableException) rootCause(failure);
                assertThat(cause.modelName()).isEqualTo(Ghost.class.getSimpleName());
                assertThat(cause.tableName()).isEqualToIgnoringCase("ghosts");
                FailureAnalysis analysis = new UnknownTableFailureAnalyzer().analyze(failure);
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains("Ghost", "'ghosts'", "H2 at jdbc:h2:mem:");
                // the test class path has Liquibase and not Flyway: the advice names the tool the application has
                assertThat(analysis.getAction()).contains("a Liquibase changeSet", "@Table(name").doesNotContain("Flyway");
            });
    }

    @Test
    void failureAnalyzerDescribesTheException() {
        UnknownTableException exception = new UnknownTableException("Invoice", "invoices",
                "PostgreSQL at jdbc:postgresql://127.0.0.1:5432/test");
        FailureAnalysis analysis = new UnknownTableFailureAnalyzer().analyze(new IllegalStateException("wrapped", exception));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo("The model Invoice maps to the table 'invoices', which does not "
                + "exist in PostgreSQL at jdbc:postgresql://127.0.0.1:5432/test.");
        assertThat(analysis.getAction()).startsWith("Create the table 'invoices' in a Liquibase changeSet that runs at start-up, "
                + "or fix @Table(name = ...) on Invoice.");
        assertThat(analysis.getCause()).isSameAs(exception);
    }

    @Test
    void failureAnalyzerAdvisesTheMigrationToolTheApplicationHas() {
        UnknownTableException exception = new UnknownTableException("Invoice", "invoices", "H2 at jdbc:h2:mem:x");
        assertThat(new UnknownTableFailureAnalyzer((name) -> name.startsWith("org.flywaydb")).analyze(exception).getAction())
            .startsWith("Create the table 'invoices' in a Flyway migration (src/main/resources/db/migration) that runs")
            .doesNotContain("Liquibase");
        assertThat(new UnknownTableFailureAnalyzer((name) -> false).analyze(exception).getAction())
            .startsWith("Create the table 'invoices' in a Liquibase changeSet or a Flyway migration that runs");
    }

    @Test
    void repositoriesTheApplicationDeclaresWaitForTheDatabaseInitializers() {
        this.contextRunner.withUserConfiguration(SecondRepository.class).run((context) -> {
            assertThat(context).hasNotFailed();
            String[] dependsOn = context.getBeanFactory().getBeanDefinition("secondModelRepository").getDependsOn();
            assertThat(dependsOn).contains("liquibase");
            assertThat(context.getBean("secondModelRepository", ModelRepository.class).registry().modelTypes()).isEmpty();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class SecondRepository {

        @Bean
        ModelRepository secondModelRepository(DataSource dataSource) {
            return ModelRepository.builder(dataSource).build();
        }
    }

    @Test
    void failureAnalyzerIgnoresOtherFailures() {
        assertThat(new UnknownTableFailureAnalyzer().analyze(new IllegalStateException("other"))).isNull();
    }

    @Test
    void failureAnalyzerIsRegistered() {
        // Boot's own analyzers need a bean factory to be instantiated: skip those, keep ours.
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
            .load(FailureAnalyzer.class, null, (factoryType, implementationName, failure) -> {
            });
        assertThat(analyzers).hasAtLeastOneElementOfType(UnknownTableFailureAnalyzer.class);
    }

    @Test
    void autoConfigurationIsRegistered() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
            .contains(ModelRepositoryAutoConfiguration.class.getName());
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Stands in for the application's @SpringBootApplication package. */
    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Widget.class)
    static class ApplicationPackage {

    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingListenerConfiguration {

        @Bean
        RecordingListener recordingListener() {
            return new RecordingListener();
        }
    }

    static class RecordingListener implements ModelListener {

        final List<String> events = new ArrayList<>();

        @Override
        public void beforeInsert(Model model) {
            this.events.add("beforeInsert " + model.get("name"));
        }

        @Override
        public void afterInsert(Model model) {
            this.events.add("afterInsert " + model.get("name"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TestObservations {

        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CustomConvention {

        @Bean
        QueryObservationConvention customConvention() {
            return new DefaultQueryObservationConvention() {

                @Override
                public String getName() {
                    return "custom.query";
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {

        @Bean(destroyMethod = "shutdown")
        org.springframework.jdbc.datasource.embedded.EmbeddedDatabase first() {
            return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
        }

        @Bean(destroyMethod = "shutdown")
        org.springframework.jdbc.datasource.embedded.EmbeddedDatabase second() {
            return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserRepository {

        @Bean
        ModelRepository userRepository(DataSource dataSource) {
            return ModelRepository.builder(dataSource).dialect(H2Dialect.INSTANCE).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserQueryCache {

        @Bean
        QueryCache userQueryCache() {
            return new QueryCache(42);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserDialect {

        @Bean
        Dialect userDialect() {
            return new H2Dialect() {
            };
        }
    }

    @Test
    void bulkOperationsAreTheRepositorysAndBackOffForTheApplicationsOwn() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasSingleBean(dev.modelrepo.bulk.BulkOperations.class);
            ModelRepository repository = context.getBean(ModelRepository.class);
            dev.modelrepo.bulk.BulkOperations bulk = context.getBean(dev.modelrepo.bulk.BulkOperations.class);
            assertThat(bulk).isSameAs(repository.bulk());
            assertThat(bulk.insertBulk(Widget.class, List.of("name"), List.of(Map.of("name", "bulk a"), Map.of("name", "bulk b"))))
                .isEqualTo(2);
        });
        this.contextRunner.withBean("myBulk", dev.modelrepo.bulk.BulkOperations.class,
                () -> ModelRepository.create(
                        new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build()).bulk())
            .run((context) -> assertThat(context).hasSingleBean(dev.modelrepo.bulk.BulkOperations.class).hasBean("myBulk"));
    }
}

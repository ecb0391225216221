package dev.modelrepo.autoconfigure;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import dev.modelrepo.autoconfigure.models.Widget;
import dev.modelrepo.autoconfigure.observation.ModelRepositoryObservationAutoConfiguration;
import dev.modelrepo.autoconfigure.versioned.Gadget;
import dev.modelrepo.dialect.H2Dialect;
import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.UnknownTableException;
import dev.modelrepo.query.QueryCache;
import dev.modelrepo.repository.ModelRepository;

import static dev.modelrepo.query.Q.asc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One repository per DataSource with {@link ModelRepositories}: two H2 databases in one context. */
class ModelRepositoriesTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class,
                ObservationAutoConfiguration.class, ModelRepositoryAutoConfiguration.class,
                ModelRepositoryObservationAutoConfiguration.class))
        .withPropertyValues("modelrepo.query-cache.max-size=77", "modelrepo.query-timeout=3s")
        .withUserConfiguration(ApplicationPackage.class, TwoDatabases.class, TestObservations.class);

    @Test
    void eachRepositoryReadsItsOwnDatabase() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasNotFailed();
            ModelRepository first = context.getBean("firstRepository", ModelRepository.class);
            ModelRepository second = context.getBean("secondRepository", ModelRepository.class);
            assertThat(names(first)).containsExactly("first-db sprocket");
            assertThat(names(second)).containsExactly("second-db cog", "second-db gear");
            assertThat(second.list(second.query(Gadget.class, "g"))).extracting((g) -> g.get("name"))
                .containsExactly("second-db gizmo");
            assertThat(first.dataSource()).isSameAs(context.getBean("first"));
            assertThat(second.dataSource()).isSameAs(context.getBean("second"));
        });
    }

    @Test
    void writesGoToTheirOwnDatabaseAndTransactionManager() {
        this.contextRunner.run((context) -> {
            ModelRepository first = context.getBean("firstRepository", ModelRepository.class);
            ModelRepository second = context.getBean("secondRepository", ModelRepository.class);
            assertThat(first.transactionManager()).isSameAs(context.getBean("firstTransactionManager"));
            assertThat(second.transactionManager()).isSameAs(context.getBean("secondTransactionManager"));
            second.useTransaction(() -> second.save(second.build(Widget.class, Map.of("name", "second-db spring"))));
            assertThat(names(second)).contains("second-db spring");
            assertThat(names(first)).containsExactly("first-db sprocket");
        });
    }

    @Test
    void theAutoConfiguredRepositoryAndItsPartsBackOff() {
        this.contextRunner.run((context) -> {
            assertThat(context.getBeansOfType(ModelRepository.class)).containsOnlyKeys("firstRepository",
                    "secondRepository");
            assertThat(context).doesNotHaveBean(ModelRegistry.class)
                .doesNotHaveBean(QueryCache.class)
                .doesNotHaveBean(H2Dialect.class)
                .hasSingleBean(ModelRepositories.class);
            // LockOperations goes with the primary repository
            assertThat(context.getBean(LockOperations.class)).isNotNull();
        });
    }

    @Test
    void repositoriesShareTheApplicationsSettingsAndObservations() {
        this.contextRunner.run((context) -> {
            ModelRepository first = context.getBean("firstRepository", ModelRepository.class);
            ModelRepository second = context.getBean("secondRepository", ModelRepository.class);
            assertThat(first.queryCache().stats().maxSize()).isEqualTo(77);
            assertThat(second.queryCache().stats().maxSize()).isEqualTo(77);
            assertThat(first.queryCache()).isNotSameAs(second.queryCache());
            assertThat(first.queryTimeoutSeconds()).isEqualTo(3);
            assertThat(second.registry().modelTypes()).containsExactlyInAnyOrder(Widget.class, Gadget.class);
            assertThat(first.registry().modelTypes()).containsExactly(Widget.class);
            names(first);
            names(second);
            TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
                .hasNumberOfObservationsWithNameEqualTo("modelrepo.query", 2);
        });
    }

    @Test
    void aModelWhoseTableIsMissingFromItsDatabaseFailsTheBuild() {
        this.contextRunner.run((context) -> {
            ModelRepositories repositories = context.getBean(ModelRepositories.class);
            DataSource first = context.getBean("first", DataSource.class);
            assertThatThrownBy(() -> repositories.builder(first).modelPackages("dev.modelrepo.autoconfigure.versioned").build())
                .isInstanceOf(UnknownTableException.class)
                .hasMessageContaining("gadgets");
        });
    }

    @Test
    void aSettingGivenToTheBuilderWinsOverTheApplications() {
        this.contextRunner.run((context) -> {
            DataSource second = context.getBean("second", DataSource.class);
            QueryCache cache = new QueryCache(5);
            ModelRepository repository = context.getBean(ModelRepositories.class)
                .builder(second)
                .modelPackages("dev.modelrepo.autoconfigure.models")
                .queryCache(cache)
                .customize((builder) -> builder.queryTimeout(Duration.ofSeconds(9)))
                .build();
            assertThat(repository.queryCache()).isSameAs(cache);
            assertThat(repository.queryTimeoutSeconds()).isEqualTo(9);
            assertThat(repository.transactionManager()).isInstanceOf(JdbcTransactionManager.class);
            assertThat(names(repository)).containsExactly("second-db cog", "second-db gear");
        });
    }

    private static java.util.List<Object> names(ModelRepository repository) {
        return repository.list(repository.query(Widget.class, "w").orderBy(asc("w.id")))
            .stream()
            .map((widget) -> widget.get("name"))
            .toList();
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Widget.class)
    static class ApplicationPackage {

    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDatabases {

        @Bean(destroyMethod = "shutdown")
        @Primary
        EmbeddedDatabase first() {
            return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
                .generateUniqueName(true)
                .addScript("db/two/first.sql")
                .build();
        }

        @Bean(destroyMethod = "shutdown")
        EmbeddedDatabase second() {
            return new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
                .generateUniqueName(true)
                .addScript("db/two/second.sql")
                .build();
        }

        /** Defining one transaction manager makes Boot's back off: each DataSource gets its own here. */
        @Bean
        @Primary
        JdbcTransactionManager firstTransactionManager(DataSource first) {
            return new JdbcTransactionManager(first);
        }

        @Bean
        JdbcTransactionManager secondTransactionManager(@Qualifier("second") DataSource second) {
            return new JdbcTransactionManager(second);
        }

        @Bean
        @Primary
        ModelRepository firstRepository(ModelRepositories repositories, DataSource first,
                PlatformTransactionManager transactionManager) {
            return repositories.builder(first).transactionManager(transactionManager).build();
        }

        @Bean
        ModelRepository secondRepository(ModelRepositories repositories, @Qualifier("second") DataSource second,
                @Qualifier("secondTransactionManager") PlatformTransactionManager transactionManager) {
            return repositories.builder(second)
                .modelPackages("dev.modelrepo.autoconfigure.models", "dev.modelrepo.autoconfigure.versioned")
                .transactionManager(transactionManager)
                .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TestObservations {

        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }
}

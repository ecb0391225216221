package dev.modelrepo.autoconfigure.actuate;

import static dev.modelrepo.query.Q.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.autoconfigure.models.Widget;
import dev.modelrepo.repository.ModelRepository;

/** The actuator's {@code info} endpoint shows each repository's dialect, models and tables, and query cache. */
class ModelRepositoryInfoContributorTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                LiquibaseAutoConfiguration.class, ModelRepositoryAutoConfiguration.class, ModelRepositoryInfoAutoConfiguration.class))
        .withPropertyValues("spring.datasource.generate-unique-name=true", "spring.liquibase.change-log=classpath:db/test-changelog.xml")
        .withUserConfiguration(ApplicationPackage.class);

    @Test
    @SuppressWarnings("unchecked")
    void showsTheDialectTheModelsWithTheirTablesAndTheQueryCache() {
        this.contextRunner.run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            var byName = repository.query(Widget.class, "w").where(eq("w.name", "x"));
            repository.list(byName, Map.of());   // rendered: a miss
            repository.list(byName, Map.of());   // from the cache: a hit

            Info.Builder builder = new Info.Builder();
            context.getBean(ModelRepositoryInfoContributor.class).contribute(builder);
            Map<String, Object> details = (Map<String, Object>) builder.build().getDetails().get("modelrepo");

            assertThat(details).containsEntry("dialect", "h2");
            assertThat((Map<String, String>) details.get("models")).containsExactly(Map.entry(Widget.class.getName(), "widgets"));
            Map<String, Object> cache = (Map<String, Object>) details.get("queryCache");
            assertThat(cache).containsEntry("hits", 1L).containsEntry("misses", 1L).containsEntry("hitRatio", 0.5)
                .containsEntry("size", 1L).containsEntry("maxSize", 2_000L);
        });
    }

    @Test
    void isOffWithItsManagementProperty() {
        this.contextRunner.withPropertyValues("management.info.modelrepo.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ModelRepositoryInfoContributor.class));
    }

    /** Stands in for the application's @SpringBootApplication package. */
    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Widget.class)
    static class ApplicationPackage {

    }
}

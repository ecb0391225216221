package dev.modelrepo.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import dev.modelrepo.repository.ModelRepository;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of a
 * {@link ModelRepository} over the application's single (or primary) {@link DataSource}, and of
 * {@link ModelRepositories}, which builds one per DataSource where there are several. Ordered after the
 * DataSource, transaction manager, schema migration (Liquibase, Flyway) and observation auto-configurations.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnClass({ DataSource.class, ModelRepository.class })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(ModelRepositoryProperties.class)
@Import({ ModelRepositoryConfiguration.class, SqlitePoolConfiguration.class })
public final class ModelRepositoryAutoConfiguration {

}

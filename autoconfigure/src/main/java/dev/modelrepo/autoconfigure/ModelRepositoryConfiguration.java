package dev.modelrepo.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.StringUtils;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.DialectResolver;
import dev.modelrepo.model.ModelListener;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.observation.QueryObservationConvention;
import dev.modelrepo.query.QueryCache;
import dev.modelrepo.repository.ModelRepository;

/** The modelrepo beans; each one backs off when the application defines its own. */
@Configuration(proxyBeanMethods = false)
class ModelRepositoryConfiguration {

    private static final Log logger = LogFactory.getLog(ModelRepositoryConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Dialect modelRepositoryDialect(DataSource dataSource, ModelRepositoryProperties properties) {
        String name = properties.getDialect();
        return StringUtils.hasText(name) ? DialectResolver.byName(name) : DialectResolver.resolve(dataSource);
    }

    /**
     * The registry reads table metadata at start-up, so it must wait for Liquibase, Flyway or the SQL
     * scripts to create the tables: {@link DependsOnDatabaseInitialization} orders it after whichever
     * initializer the application has (and is a no-op when it has none).
     */
    @Bean
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    ModelRegistry modelRegistry(DataSource dataSource, Dialect dialect, ModelRepositoryProperties properties,
            BeanFactory beanFactory) {
        ModelRegistry registry = new ModelRegistry(dataSource, dialect);
        List<String> packages = modelPackages(properties, beanFactory);
        if (packages.isEmpty()) {
            logger.debug("No model packages to scan: set modelrepo.model-packages; models register on first use");
        }
        else {
            registry.scan(packages.toArray(String[]::new));
        }
        registry.loadAll();
        return registry;
    }

    @Bean
    @ConditionalOnMissingBean
    QueryCache modelRepositoryQueryCache(ModelRepositoryProperties properties) {
        return new QueryCache(properties.getQueryCache().getMaxSize());
    }

    @Bean
    @ConditionalOnMissingBean
    ModelRepository modelRepository(DataSource dataSource, Dialect dialect, ModelRegistry registry,
            QueryCache queryCache, ModelRepositoryProperties properties, ObjectProvider<Clock> clock,
            ObjectProvider<PlatformTransactionManager> transactionManager, ObjectProvider<ModelListener> listeners,
            ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<QueryObservationConvention> observationConvention) {
        ModelRepository.Builder builder = ModelRepository.builder(dataSource)
            .dialect(dialect)
            .registry(registry)
            .queryCache(queryCache)
            .clock(clock.getIfAvailable(Clock::systemUTC))
            .queryTimeoutSeconds(timeoutSeconds(properties.getQueryTimeout()))
            .listeners(listeners.orderedStream().toList());
        transactionManager.ifUnique(builder::transactionManager);
        if (properties.getMetrics().isEnabled()) {
            observationRegistry.ifUnique(builder::observationRegistry);
            observationConvention.ifUnique(builder::observationConvention);
        }
        return builder.build();
    }

    private static List<String> modelPackages(ModelRepositoryProperties properties, BeanFactory beanFactory) {
        if (!properties.getModelPackages().isEmpty()) {
            return properties.getModelPackages();
        }
        return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
    }

    /** JDBC timeouts are whole seconds: a fraction rounds up, so a positive duration never means "none". */
    static int timeoutSeconds(@Nullable Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            return 0;
        }
        long seconds = timeout.toSeconds() + (timeout.toNanosPart() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, seconds);
    }

    /** The repository's bulk operations, as a bean of their own. */
    @Bean
    @ConditionalOnMissingBean
    dev.modelrepo.bulk.BulkOperations bulkOperations(ModelRepository repository) {
        return repository.bulk();
    }
}

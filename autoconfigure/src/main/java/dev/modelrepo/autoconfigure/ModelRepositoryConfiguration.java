package dev.modelrepo.autoconfigure;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.StringUtils;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.DialectResolver;
import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.model.ModelListener;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.observation.SqlCommenter;
import dev.modelrepo.query.QueryCache;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.types.ValueCoercion;

/**
 * The modelrepo beans; each one backs off when the application defines its own. The repository and its parts
 * (dialect, registry, query cache) are made for the application's single (or primary) DataSource, and not at all
 * once the application defines a ModelRepository of its own (several DataSources: see {@link ModelRepositories}).
 */
@Configuration(proxyBeanMethods = false)
class ModelRepositoryConfiguration {

    /** Static: a post-processor must not make this configuration class be created early. */
    @Bean
    static TransactionDataSourcePostProcessor modelRepositoryTransactionDataSourcePostProcessor() {
        return new TransactionDataSourcePostProcessor();
    }

    @Bean
    @ConditionalOnMissingBean
    ModelRepositories modelRepositories(ModelRepositoryProperties properties, BeanFactory beanFactory,
            ObjectProvider<ModelRepositoryBuilderCustomizer> customizers, ObjectProvider<ModelListener> listeners,
            ObjectProvider<Clock> clock, ObjectProvider<ValueCoercion> coercion, ObjectProvider<SqlCommenter> commenter) {
        List<String> packages = AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory)
                : List.of();
        return new ModelRepositories(properties, packages, customizers, listeners, clock,
                coercion.getIfAvailable(ModelRepositories::defaultCoercion), commenter.getIfUnique());
    }

    /** The repository of the single DataSource, unless the application defines repositories itself. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnSingleCandidate(DataSource.class)
    @ConditionalOnMissingBean(ModelRepository.class)
    static class DefaultRepositoryConfiguration {

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
        ModelRegistry modelRegistry(DataSource dataSource, Dialect dialect, ModelRepositories repositories) {
            return ModelRepositories.scannedRegistry(dataSource, dialect, repositories.modelPackages(), repositories.coercion());
        }

        @Bean
        @ConditionalOnMissingBean
        QueryCache modelRepositoryQueryCache(ModelRepositoryProperties properties) {
            return new QueryCache(properties.getQueryCache().getMaxSize());
        }

        @Bean
        @ConditionalOnMissingBean
        ModelRepository modelRepository(ModelRepositories repositories, DataSource dataSource, Dialect dialect,
                ModelRegistry registry, QueryCache queryCache,
                ObjectProvider<PlatformTransactionManager> transactionManager) {
            ModelRepositories.Builder builder = repositories.builder(dataSource)
                .dialect(dialect)
                .registry(registry)
                .queryCache(queryCache);
            transactionManager.ifUnique(builder::transactionManager);
            return builder.build();
        }
    }

    /** Lock helpers over the application's one (or primary) repository. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(ModelRepository.class)
    LockOperations lockOperations(ModelRepository repository, ModelRepositoryProperties properties) {
        ModelRepositoryProperties.Lock.Retry retry = properties.getLock().getRetry();
        return repository.locks(retry.getBackoff(), retry.getAttempts());
    }

    /** The bulk operations of the application's one (or primary) repository, as a bean of their own. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnSingleCandidate(ModelRepository.class)
    dev.modelrepo.bulk.BulkOperations bulkOperations(ModelRepository repository) {
        return repository.bulk();
    }
}

package dev.modelrepo.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.repository.ModelRepository;

/**
 * Orders every {@link ModelRegistry} and {@link ModelRepository} bean, the application's own included, after the
 * database initializers (Liquibase, Flyway, SQL scripts): a registry reads its tables when it starts, so a second
 * repository declared with {@code @Bean} needs no {@code @DependsOn("liquibase")}.
 */
class ModelRepositoryDependsOnDatabaseInitializationDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ModelRegistry.class, ModelRepository.class);
    }
}

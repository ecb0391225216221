package dev.modelrepo.autoconfigure.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.modelrepo.autoconfigure.ModelRepositoryBuilderCustomizer;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the N+1 statement
 * guard for tests, imported by {@link AutoConfigureStatementGuard}: the {@link StatementCounter}, attached to every
 * repository the auto-configuration or {@code ModelRepositories} builds.
 */
@AutoConfiguration
@EnableConfigurationProperties(StatementGuardProperties.class)
public final class StatementGuardAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StatementCounter modelRepositoryStatementCounter(StatementGuardProperties properties) {
        return new StatementCounter(properties.getNPlusOne(), properties.getMaxStatements());
    }

    @Bean
    ModelRepositoryBuilderCustomizer modelRepositoryStatementGuardCustomizer(StatementCounter counter) {
        return counter::attachTo;
    }
}

package dev.modelrepo.autoconfigure.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the N+1 statement
 * guard for tests, imported by {@link AutoConfigureStatementGuard}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@EnableConfigurationProperties(StatementGuardProperties.class)
public final class StatementGuardAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StatementCounter modelRepositoryStatementCounter(StatementGuardProperties properties, Environment environment) {
        if (!environment.getProperty("modelrepo.metrics.enabled", Boolean.class, true)) {
            throw new IllegalStateException("The statement guard counts modelrepo.query observations, which"
                    + " modelrepo.metrics.enabled=false turns off: remove that setting from the test");
        }
        return new StatementCounter(properties.getNPlusOne(), properties.getMaxStatements());
    }
}

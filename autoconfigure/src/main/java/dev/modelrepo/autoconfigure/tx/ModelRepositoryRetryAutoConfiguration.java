package dev.modelrepo.autoconfigure.tx;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.autoconfigure.ModelRepositoryProperties;
import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.tx.RetryOnConflict;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the retry of
 * {@link RetryOnConflict} methods, on unless {@code modelrepo.tx.retry.enabled=false}.
 */
@AutoConfiguration(after = ModelRepositoryAutoConfiguration.class)
@ConditionalOnClass({ RetryOnConflict.class, org.springframework.resilience.retry.AbstractRetryInterceptor.class })
@ConditionalOnProperty(prefix = "modelrepo.tx.retry", name = "enabled", havingValue = "true", matchIfMissing = true)
public final class ModelRepositoryRetryAutoConfiguration {

    /** Static and lazy in what it needs: a post-processor is created before the beans it advises. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static ConflictRetryPostProcessor modelRepositoryConflictRetryPostProcessor(ObjectProvider<LockOperations> locks,
            ObjectProvider<ModelRepositoryProperties> properties) {
        ConflictRetryInterceptor.RetryDefaults defaults = new ConflictRetryInterceptor.RetryDefaults() {
            @Override
            public int attempts() {
                ModelRepositoryProperties p = properties.getIfAvailable();
                return p != null ? p.getTx().getRetry().getAttempts() : LockOperations.DEFAULT_ATTEMPTS;
            }

            @Override
            public Duration backoff() {
                ModelRepositoryProperties p = properties.getIfAvailable();
                return p != null ? p.getTx().getRetry().getBackoff() : LockOperations.INITIAL_BACKOFF;
            }
        };
        return new ConflictRetryPostProcessor(new ConflictRetryInterceptor(new ConflictRetryPredicate(locks), defaults));
    }
}

package dev.modelrepo.autoconfigure.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.tx.RetryOnConflict;

/** What {@code @RetryOnConflict} retries, how often, and the {@code modelrepo.tx.retry.*} properties. */
class RetryOnConflictAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                ModelRepositoryAutoConfiguration.class, ModelRepositoryRetryAutoConfiguration.class))
        .withPropertyValues("spring.datasource.generate-unique-name=true", "modelrepo.model-packages=dev.modelrepo.autoconfigure.tx.none",
                "modelrepo.tx.retry.backoff=1ms")
        .withUserConfiguration(Services.class);

    @Test
    void aConflictIsRetriedUpToTheConfiguredAttemptsEachInANewTransaction() {
        contextRunner.run(context -> {
            Flaky flaky = context.getBean(Flaky.class);
            assertThatThrownBy(flaky::alwaysConflicts).isInstanceOf(OptimisticLockingFailureException.class);
            assertThat(flaky.calls()).as("modelrepo.tx.retry.attempts defaults to 5").isEqualTo(5);
            assertThat(flaky.sawTransaction()).as("the retry wraps the transaction").isTrue();
        });
    }

    @Test
    void theAttemptsPropertySetsTheDefaultAndTheAnnotationOverridesIt() {
        contextRunner.withPropertyValues("modelrepo.tx.retry.attempts=2").run(context -> {
            Flaky flaky = context.getBean(Flaky.class);
            assertThatThrownBy(flaky::alwaysConflicts).isInstanceOf(OptimisticLockingFailureException.class);
            assertThat(flaky.calls()).isEqualTo(2);
            assertThatThrownBy(flaky::conflictsThreeTimesAtMost).isInstanceOf(OptimisticLockingFailureException.class);
            assertThat(flaky.calls()).as("2 + 3").isEqualTo(5);
        });
    }

    @Test
    void theBackoffPropertyIsTheFirstWait() {
        contextRunner.withPropertyValues("modelrepo.tx.retry.backoff=120ms").run(context -> {
            ConflictRetryInterceptor interceptor = context.getBean(ConflictRetryPostProcessor.class).interceptor();
            var spec = interceptor.getRetrySpec(Flaky.class.getMethod("alwaysConflicts"), Flaky.class);
            assertThat(spec.delay()).isEqualTo(Duration.ofMillis(120));
            assertThat(spec.maxRetries()).isEqualTo(4);
        });
    }

    @Test
    void otherFailuresAndCallsInsideARunningTransactionAreNotRetried() {
        contextRunner.run(context -> {
            Flaky flaky = context.getBean(Flaky.class);
            assertThatThrownBy(flaky::failsOtherwise).isInstanceOf(IllegalStateException.class);
            assertThat(flaky.calls()).isEqualTo(1);
            TransactionTemplate outer = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            assertThatThrownBy(() -> outer.executeWithoutResult(status -> flaky.alwaysConflicts()))
                    .isInstanceOf(OptimisticLockingFailureException.class);
            assertThat(flaky.calls()).as("the outer transaction cannot be undone by a retry").isEqualTo(2);
        });
    }

    @Test
    void enabledFalseLeavesTheMethodsUnadvised() {
        contextRunner.withPropertyValues("modelrepo.tx.retry.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(ConflictRetryPostProcessor.class);
            Flaky flaky = context.getBean(Flaky.class);
            assertThatThrownBy(flaky::alwaysConflicts).isInstanceOf(OptimisticLockingFailureException.class);
            assertThat(flaky.calls()).isEqualTo(1);
        });
        contextRunner.run(context -> assertThat(AopUtils.isAopProxy(context.getBean(Flaky.class))).isTrue());
    }

    /** A service whose methods fail on purpose, counting their calls. */
    public static class Flaky {

        private final AtomicInteger calls = new AtomicInteger();

        private volatile boolean sawTransaction;

        public int calls() {
            return calls.get();
        }

        public boolean sawTransaction() {
            return sawTransaction;
        }

        @RetryOnConflict
        @Transactional
        public void alwaysConflicts() {
            calls.incrementAndGet();
            sawTransaction = TransactionSynchronizationManager.isActualTransactionActive();
            throw new OptimisticLockingFailureException("row changed by someone else");
        }

        @RetryOnConflict(attempts = 3)
        @Transactional
        public void conflictsThreeTimesAtMost() {
            calls.incrementAndGet();
            throw new OptimisticLockingFailureException("row changed by someone else");
        }

        @RetryOnConflict
        @Transactional
        public void failsOtherwise() {
            calls.incrementAndGet();
            throw new IllegalStateException("not a conflict");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Services {

        @Bean
        Flaky flaky() {
            return new Flaky();
        }
    }
}

package dev.modelrepo.autoconfigure.tx;

import java.lang.reflect.Method;
import java.time.Duration;

import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.resilience.retry.AbstractRetryInterceptor;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.resilience.retry.MethodRetrySpec;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.tx.RetryOnConflict;

/**
 * Spring's retry interceptor for {@link RetryOnConflict} methods: the attempts of the annotation (or the configured
 * default), the configured first backoff doubled up to {@link LockOperations#MAX_BACKOFF} with jitter, and the
 * conflict predicate. A call inside a running transaction is not retried: that transaction cannot be undone here.
 */
class ConflictRetryInterceptor extends AbstractRetryInterceptor {

    private final MethodRetryPredicate predicate;

    private final RetryDefaults defaults;

    ConflictRetryInterceptor(MethodRetryPredicate predicate, RetryDefaults defaults) {
        this.predicate = predicate;
        this.defaults = defaults;
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return invocation.proceed();
        }
        return super.invoke(invocation);
    }

    @Override
    protected MethodRetrySpec getRetrySpec(Method method, Class<?> targetClass) {
        RetryOnConflict annotation = AnnotatedElementUtils.findMergedAnnotation(method, RetryOnConflict.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(targetClass, RetryOnConflict.class);
        }
        int attempts = annotation != null && annotation.attempts() > 0 ? annotation.attempts() : defaults.attempts();
        if (attempts < 1) {
            throw new IllegalArgumentException("modelrepo.tx.retry.attempts must be at least 1, got " + attempts);
        }
        Duration backoff = defaults.backoff();
        Duration maxDelay = backoff.compareTo(LockOperations.MAX_BACKOFF) > 0 ? backoff : LockOperations.MAX_BACKOFF;
        return new MethodRetrySpec(predicate, attempts - 1L, backoff, backoff, 2.0, maxDelay);
    }

    /** The defaults of {@code modelrepo.tx.retry.*}, read when a method is first called. */
    interface RetryDefaults {

        int attempts();

        Duration backoff();
    }
}

package dev.modelrepo.autoconfigure.tx;

import java.lang.reflect.Method;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.resilience.retry.MethodRetryPredicate;

import dev.modelrepo.lock.LockOperations;

/**
 * Spring's method retry predicate that retries what {@code retryOnConflict} retries: the application's
 * {@link LockOperations} decides with its dialect ({@link LockOperations#isRetryable}), or, without one,
 * {@link LockOperations#isConflict} by Spring's exception types. Spring creates it as a bean for
 * {@code @Retryable(predicate = ConflictRetryPredicate.class)}; {@code @RetryOnConflict} uses it too.
 */
public class ConflictRetryPredicate implements MethodRetryPredicate {

    private final ObjectProvider<LockOperations> locks;

    public ConflictRetryPredicate(ObjectProvider<LockOperations> locks) {
        this.locks = locks;
    }

    @Override
    public boolean shouldRetry(Method method, Throwable failure) {
        LockOperations operations = locks.getIfUnique();
        return operations != null ? operations.isRetryable(failure) : LockOperations.isConflict(failure);
    }
}

package dev.modelrepo.tx;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Reruns a {@code @Transactional} service method (or every public method of the annotated class) when it fails on a
 * conflict another attempt may not meet: a serialization failure (SQLSTATE 40001, what CockroachDB and YugabyteDB abort
 * contended transactions with), a deadlock, a lock not acquired, an optimistic-locking failure. modelrepo's Spring Boot
 * auto-configuration applies it outside the transaction interceptor, so every attempt is a fresh transaction; it waits
 * between attempts with exponential backoff and jitter and rethrows the last failure. Called inside a transaction that
 * is already running, the method runs once: only the outermost unit of work can be retried.
 *
 * <pre>{@code
 * @RetryOnConflict
 * @Transactional(isolation = Isolation.SERIALIZABLE)
 * public void goOffCall(long doctorId) { ... }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface RetryOnConflict {

    /** Attempts in all, the first one included; 0 for {@code modelrepo.tx.retry.attempts} (5 by default). */
    int attempts() default 0;
}

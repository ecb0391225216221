/**
 * Retries of whole transactions in Spring Boot: {@link dev.modelrepo.tx.RetryOnConflict} methods advised outside
 * the transaction interceptor, on Spring Framework's own retry interceptor, with modelrepo's conflict classification
 * as the predicate (also usable with Spring's {@code @Retryable(predicate = ConflictRetryPredicate.class)}).
 */
@NullMarked
package dev.modelrepo.autoconfigure.tx;

import org.jspecify.annotations.NullMarked;

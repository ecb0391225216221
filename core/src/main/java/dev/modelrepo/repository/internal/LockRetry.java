package dev.modelrepo.repository.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How a lock facade retries conflicts: its first wait and the attempts of a retry, as the repository's caller gave
 * them (the facade checks them).
 */
public record LockRetry(@Nullable Duration initialBackoff, int attempts) {
}

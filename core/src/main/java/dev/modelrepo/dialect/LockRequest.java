package dev.modelrepo.dialect;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A pessimistic lock as a dialect renders it: either a row lock of some {@link RowLockStrength} with its wait policy
 * and {@code OF} aliases, or (SQLite) the {@link TransactionBeginMode} that is its lock. Built from the public
 * {@code LockOptions}; exactly one of {@code strength} and {@code beginMode} is set.
 */
public record LockRequest(@Nullable RowLockStrength strength, @Nullable TransactionBeginMode beginMode, LockWaitPolicy waitPolicy,
        @Nullable Duration waitTimeout, List<String> ofAliases) {

    public LockRequest {
        if ((strength == null) == (beginMode == null)) {
            throw new IllegalArgumentException("a lock is a row lock strength or a transaction begin mode, not both or neither");
        }
        ofAliases = List.copyOf(ofAliases);
    }

    /** The strength or begin mode, by name: for messages. */
    public String modeName() {
        return strength != null ? strength.name() : String.valueOf(beginMode);
    }
}

package dev.modelrepo.lock;

import dev.modelrepo.internal.Arguments;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import dev.modelrepo.dialect.UnsupportedLockException;
import dev.modelrepo.dialect.LockRequest;
import dev.modelrepo.dialect.LockWaitPolicy;
import dev.modelrepo.dialect.RowLockStrength;
import dev.modelrepo.dialect.TransactionBeginMode;

/**
 * What lock a query takes, as an immutable value: {@code LockOptions.forUpdate().skipLocked()}. The dialect
 * renders it, or refuses with {@link UnsupportedLockException} before any SQL runs when the connected
 * database cannot do it.
 */
public final class LockOptions {

    /** Null for SQLite's transaction begin modes. */
    private final @Nullable RowLockStrength strength;

    /** Null for row locks. */
    private final @Nullable TransactionBeginMode beginMode;

    private final LockWait waitPolicy;

    private final @Nullable Duration waitTimeout;

    private final List<String> of;

    private transient @Nullable LockRequest request;

    private LockOptions(@Nullable RowLockStrength strength, @Nullable TransactionBeginMode beginMode, LockWait waitPolicy,
            @Nullable Duration waitTimeout, List<String> of) {
        this.strength = strength;
        this.beginMode = beginMode;
        this.waitPolicy = waitPolicy;
        this.waitTimeout = waitTimeout;
        this.of = List.copyOf(of);
    }

    public static LockOptions forUpdate() {
        return rowLock(RowLockStrength.UPDATE);
    }

    public static LockOptions forShare() {
        return rowLock(RowLockStrength.SHARE);
    }

    public static LockOptions forNoKeyUpdate() {
        return rowLock(RowLockStrength.NO_KEY_UPDATE);
    }

    public static LockOptions forKeyShare() {
        return rowLock(RowLockStrength.KEY_SHARE);
    }

    /** SQLite: begin the transaction IMMEDIATE (the default for SQLite connections). */
    public static LockOptions immediate() {
        return beginIn(TransactionBeginMode.IMMEDIATE);
    }

    /** SQLite: begin the transaction EXCLUSIVE. */
    public static LockOptions exclusive() {
        return beginIn(TransactionBeginMode.EXCLUSIVE);
    }

    /** SQLite: begin the transaction DEFERRED. */
    public static LockOptions deferred() {
        return beginIn(TransactionBeginMode.DEFERRED);
    }

    private static LockOptions rowLock(RowLockStrength strength) {
        return new LockOptions(strength, null, LockWait.DEFAULT, null, List.of());
    }

    private static LockOptions beginIn(TransactionBeginMode mode) {
        return new LockOptions(null, mode, LockWait.DEFAULT, null, List.of());
    }

    /** Fail at once when a row is locked. */
    public LockOptions nowait() {
        return new LockOptions(strength, beginMode, LockWait.NOWAIT, null, of);
    }

    /** Skip rows locked by others. */
    public LockOptions skipLocked() {
        return new LockOptions(strength, beginMode, LockWait.SKIP_LOCKED, null, of);
    }

    /** Wait at most {@code timeout} (whole seconds on the engines that have it) for a locked row. */
    public LockOptions wait(Duration timeout) {
        Arguments.notNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        return new LockOptions(strength, beginMode, LockWait.WAIT, timeout, of);
    }

    /** Lock only the rows of these query aliases. */
    public LockOptions of(String... aliases) {
        Arguments.notNull(aliases, "aliases");
        for (String alias : aliases) {
            Arguments.notNull(alias, "alias");
        }
        return new LockOptions(strength, beginMode, waitPolicy, waitTimeout, List.of(aliases));
    }

    /** The row lock: FOR UPDATE, FOR SHARE, FOR NO KEY UPDATE or FOR KEY SHARE; null for SQLite's begin modes. */
    public @Nullable RowLockStrength strength() {
        return strength;
    }

    /** SQLite's lock, the mode its transaction begins in (IMMEDIATE, EXCLUSIVE, DEFERRED); null for row locks. */
    public @Nullable TransactionBeginMode beginMode() {
        return beginMode;
    }

    /**
     * The row-lock strength or SQLite's begin mode, as one value.
     * @deprecated a row lock and a transaction begin mode are two things: use {@link #strength()} or {@link #beginMode()}
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    @SuppressWarnings("removal")
    public LockMode mode() {
        if (strength != null) {
            return switch (strength) {
                case UPDATE -> LockMode.UPDATE;
                case SHARE -> LockMode.SHARE;
                case NO_KEY_UPDATE -> LockMode.NO_KEY_UPDATE;
                case KEY_SHARE -> LockMode.KEY_SHARE;
            };
        }
        return switch (Objects.requireNonNull(beginMode)) {
            case IMMEDIATE -> LockMode.IMMEDIATE;
            case EXCLUSIVE -> LockMode.EXCLUSIVE;
            case DEFERRED -> LockMode.DEFERRED;
        };
    }

    public LockWait waitPolicy() {
        return waitPolicy;
    }

    public @Nullable Duration waitTimeout() {
        return waitTimeout;
    }

    public List<String> ofAliases() {
        return of;
    }

    /** The lock as the dialect renders it: a row lock, or SQLite's transaction begin mode. */
    public LockRequest request() {
        LockRequest r = request;
        if (r == null) {
            r = new LockRequest(strength, beginMode, switch (waitPolicy) {
                case DEFAULT -> LockWaitPolicy.DEFAULT;
                case NOWAIT -> LockWaitPolicy.NOWAIT;
                case WAIT -> LockWaitPolicy.WAIT;
                case SKIP_LOCKED -> LockWaitPolicy.SKIP_LOCKED;
            }, waitTimeout, of);
            request = r;
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LockOptions other && strength == other.strength && beginMode == other.beginMode && waitPolicy == other.waitPolicy
                && Objects.equals(waitTimeout, other.waitTimeout) && of.equals(other.of);
    }

    @Override
    public int hashCode() {
        return Objects.hash(strength, beginMode, waitPolicy, waitTimeout, of);
    }

    @Override
    public String toString() {
        return "LockOptions[" + (strength != null ? strength : beginMode) + ", " + waitPolicy + (waitTimeout != null ? " " + waitTimeout : "")
                + (of.isEmpty() ? "" : " of " + of) + "]";
    }
}

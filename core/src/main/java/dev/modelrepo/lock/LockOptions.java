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

    private final LockMode mode;

    private final LockWait waitPolicy;

    private final @Nullable Duration waitTimeout;

    private final List<String> of;

    private LockOptions(LockMode mode, LockWait waitPolicy, @Nullable Duration waitTimeout, List<String> of) {
        this.mode = mode;
        this.waitPolicy = waitPolicy;
        this.waitTimeout = waitTimeout;
        this.of = List.copyOf(of);
    }

    public static LockOptions forUpdate() {
        return new LockOptions(LockMode.UPDATE, LockWait.DEFAULT, null, List.of());
    }

    public static LockOptions forShare() {
        return new LockOptions(LockMode.SHARE, LockWait.DEFAULT, null, List.of());
    }

    public static LockOptions forNoKeyUpdate() {
        return new LockOptions(LockMode.NO_KEY_UPDATE, LockWait.DEFAULT, null, List.of());
    }

    public static LockOptions forKeyShare() {
        return new LockOptions(LockMode.KEY_SHARE, LockWait.DEFAULT, null, List.of());
    }

    /** SQLite: begin the transaction IMMEDIATE (the default for SQLite connections). */
    public static LockOptions immediate() {
        return new LockOptions(LockMode.IMMEDIATE, LockWait.DEFAULT, null, List.of());
    }

    /** SQLite: begin the transaction EXCLUSIVE. */
    public static LockOptions exclusive() {
        return new LockOptions(LockMode.EXCLUSIVE, LockWait.DEFAULT, null, List.of());
    }

    /** SQLite: begin the transaction DEFERRED. */
    public static LockOptions deferred() {
        return new LockOptions(LockMode.DEFERRED, LockWait.DEFAULT, null, List.of());
    }

    /** Fail at once when a row is locked. */
    public LockOptions nowait() {
        return new LockOptions(mode, LockWait.NOWAIT, null, of);
    }

    /** Skip rows locked by others. */
    public LockOptions skipLocked() {
        return new LockOptions(mode, LockWait.SKIP_LOCKED, null, of);
    }

    /** Wait at most {@code timeout} (whole seconds on the engines that have it) for a locked row. */
    public LockOptions wait(Duration timeout) {
        Arguments.notNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        return new LockOptions(mode, LockWait.WAIT, timeout, of);
    }

    /** Lock only the rows of these query aliases. */
    public LockOptions of(String... aliases) {
        Arguments.notNull(aliases, "aliases");
        for (String alias : aliases) {
            Arguments.notNull(alias, "alias");
        }
        return new LockOptions(mode, waitPolicy, waitTimeout, List.of(aliases));
    }

    public LockMode mode() {
        return mode;
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
            r = new LockRequest(strength(mode), beginMode(mode), switch (waitPolicy) {
                case DEFAULT -> LockWaitPolicy.DEFAULT;
                case NOWAIT -> LockWaitPolicy.NOWAIT;
                case WAIT -> LockWaitPolicy.WAIT;
                case SKIP_LOCKED -> LockWaitPolicy.SKIP_LOCKED;
            }, waitTimeout, of);
            request = r;
        }
        return r;
    }

    private transient @Nullable LockRequest request;

    private static @Nullable RowLockStrength strength(LockMode mode) {
        return switch (mode) {
            case UPDATE -> RowLockStrength.UPDATE;
            case SHARE -> RowLockStrength.SHARE;
            case NO_KEY_UPDATE -> RowLockStrength.NO_KEY_UPDATE;
            case KEY_SHARE -> RowLockStrength.KEY_SHARE;
            case IMMEDIATE, EXCLUSIVE, DEFERRED -> null;
        };
    }

    /** SQLite's transaction mode for a lock mode that is one; null for row lock strengths. */
    static @Nullable TransactionBeginMode beginMode(LockMode mode) {
        return switch (mode) {
            case IMMEDIATE -> TransactionBeginMode.IMMEDIATE;
            case EXCLUSIVE -> TransactionBeginMode.EXCLUSIVE;
            case DEFERRED -> TransactionBeginMode.DEFERRED;
            case UPDATE, SHARE, NO_KEY_UPDATE, KEY_SHARE -> null;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LockOptions other && mode == other.mode && waitPolicy == other.waitPolicy
                && Objects.equals(waitTimeout, other.waitTimeout) && of.equals(other.of);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, waitPolicy, waitTimeout, of);
    }

    @Override
    public String toString() {
        return "LockOptions[" + mode + ", " + waitPolicy + (waitTimeout != null ? " " + waitTimeout : "")
                + (of.isEmpty() ? "" : " of " + of) + "]";
    }
}

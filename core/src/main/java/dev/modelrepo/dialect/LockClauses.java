package dev.modelrepo.dialect;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * The lock clauses one database can append to a SELECT, as data: the keyword of each row-lock strength it has,
 * whether it takes {@code OF alias}, which wait policies it knows, or (SQLite) that its lock is the transaction's
 * begin mode. Renders a {@link LockRequest}, or refuses it with {@link UnsupportedLockException} naming what the
 * database cannot do, before any SQL is sent.
 */
public final class LockClauses {

    private final String dialect;

    private final Map<RowLockStrength, String> strengths;

    private final boolean of;

    private final Set<LockWaitPolicy> waits;

    /** Why SKIP LOCKED is missing where the version decides ("before MariaDB 10.6 (connected: 10.5)"); null otherwise. */
    private final @Nullable String skipLockedMissing;

    private final boolean beginModes;

    /** Where a strength is not had: what the refusal adds (" (a SQLite transaction mode)" on PostgreSQL). */
    private final String beginModeNote;

    private LockClauses(String dialect, Map<RowLockStrength, String> strengths, boolean of, Set<LockWaitPolicy> waits,
            @Nullable String skipLockedMissing, boolean beginModes, String beginModeNote) {
        this.dialect = dialect;
        this.strengths = strengths.isEmpty() ? Map.of() : new EnumMap<>(strengths);
        this.of = of;
        this.waits = waits.isEmpty() ? EnumSet.noneOf(LockWaitPolicy.class) : EnumSet.copyOf(waits);
        this.skipLockedMissing = skipLockedMissing;
        this.beginModes = beginModes;
        this.beginModeNote = beginModeNote;
    }

    /** Row locks: these strengths and wait policies (DEFAULT is always had), with or without {@code OF alias}. */
    public static LockClauses rowLocks(String dialect, Map<RowLockStrength, String> strengths, boolean of,
            Set<LockWaitPolicy> waits) {
        return new LockClauses(dialect, strengths, of, waits, null, false, "");
    }

    /** SQLite: no row locks; a lock is the mode the transaction begins in, which adds nothing to the SELECT. */
    public static LockClauses transactionModes(String dialect) {
        return new LockClauses(dialect, Map.of(), false, Set.of(), null, true, "");
    }

    /** The same clauses, saying why SKIP LOCKED is refused when this version lacks it. */
    public LockClauses withoutSkipLocked(String why) {
        Set<LockWaitPolicy> fewer = EnumSet.noneOf(LockWaitPolicy.class);
        fewer.addAll(waits);
        fewer.remove(LockWaitPolicy.SKIP_LOCKED);
        return new LockClauses(dialect, strengths, of, fewer, why, beginModes, beginModeNote);
    }

    /** The same clauses, with a note added when a transaction begin mode is asked of row locks. */
    public LockClauses notingBeginModes(String note) {
        return new LockClauses(dialect, strengths, of, waits, skipLockedMissing, beginModes, note);
    }

    /** The clause for the request, starting with a space ("" for SQLite's begin modes); {@code quote} quotes aliases. */
    public String render(LockRequest lock, UnaryOperator<String> quote) {
        if (beginModes) {
            return transactionMode(lock);
        }
        RowLockStrength strength = lock.strength();
        String keyword = strength == null ? null : strengths.get(strength);
        if (keyword == null) {
            throw unsupported("lock mode " + lock.modeName() + (strength == null ? beginModeNote : ""));
        }
        StringBuilder sb = new StringBuilder(" ").append(keyword);
        if (!lock.ofAliases().isEmpty()) {
            if (!of) {
                throw unsupported("FOR UPDATE OF");
            }
            sb.append(" OF ");
            for (int i = 0; i < lock.ofAliases().size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(quote.apply(lock.ofAliases().get(i)));
            }
        }
        return sb.append(waitSql(lock)).toString();
    }

    private String transactionMode(LockRequest lock) {
        if (lock.waitPolicy() != LockWaitPolicy.DEFAULT) {
            throw unsupported("row-level lock options (" + lock.waitPolicy().name().replace('_', ' ')
                    + "; it locks the whole database per transaction mode)");
        }
        return "";
    }

    /**
     * The mode the transaction of this lock begins in where a lock is a begin mode (SQLite), else null. A row-lock
     * strength ({@code forUpdate()}, {@code forShare()}, …) becomes IMMEDIATE: the write lock taken at BEGIN keeps every
     * other connection from changing what the transaction reads until it ends, which is what a row lock promises, so
     * portable lock code needs no branch per engine. {@code OF alias} adds nothing to a lock on the whole database.
     */
    public @Nullable TransactionBeginMode beginMode(LockRequest lock) {
        if (!beginModes) {
            return null;
        }
        return lock.beginMode() != null ? lock.beginMode() : TransactionBeginMode.IMMEDIATE;
    }

    /**
     * The mode each attempt of {@code retryOnConflict} begins its transaction in, or null for the connection's own:
     * IMMEDIATE where locks are begin modes (SQLite), so a unit of work that writes never fails midway upgrading a
     * read lock, and a lock taken inside it finds the mode it needs.
     */
    public @Nullable TransactionBeginMode unitOfWorkMode() {
        return beginModes ? TransactionBeginMode.IMMEDIATE : null;
    }

    private String waitSql(LockRequest lock) {
        LockWaitPolicy wait = lock.waitPolicy();
        if (wait == LockWaitPolicy.DEFAULT) {
            return "";
        }
        if (!waits.contains(wait)) {
            if (wait == LockWaitPolicy.SKIP_LOCKED && skipLockedMissing != null) {
                throw unsupported("SKIP LOCKED " + skipLockedMissing);
            }
            throw unsupported(wait == LockWaitPolicy.WAIT ? "WAIT n" : wait.name().replace('_', ' '));
        }
        return switch (wait) {
            case NOWAIT -> " NOWAIT";
            case SKIP_LOCKED -> " SKIP LOCKED";
            case WAIT -> " WAIT " + waitSeconds(lock);
            case DEFAULT -> "";
        };
    }

    /** Whole seconds, rounded up: the engines that wait n take seconds. */
    private static long waitSeconds(LockRequest lock) {
        var timeout = lock.waitTimeout();
        long seconds = timeout == null ? 0 : timeout.toSeconds();
        return timeout != null && timeout.toNanosPart() > 0 ? seconds + 1 : seconds;
    }

    private UnsupportedLockException unsupported(String what) {
        return new UnsupportedLockException(dialect, what);
    }
}

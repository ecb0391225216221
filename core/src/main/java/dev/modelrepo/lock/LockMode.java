package dev.modelrepo.lock;

/**
 * The strength of a pessimistic lock; SQLite's transaction modes are modes too, since that is its lock.
 * @deprecated a row lock and a transaction begin mode are two things: {@link LockOptions#strength()} is a
 * {@link dev.modelrepo.dialect.RowLockStrength}, {@link LockOptions#beginMode()} a {@link dev.modelrepo.dialect.TransactionBeginMode}
 */
@Deprecated(since = "0.1.0", forRemoval = true)
public enum LockMode {
    UPDATE, SHARE, NO_KEY_UPDATE, KEY_SHARE,
    /** SQLite: BEGIN IMMEDIATE (a reserved lock: one writer, readers continue). */
    IMMEDIATE,
    /** SQLite: BEGIN EXCLUSIVE. */
    EXCLUSIVE,
    /** SQLite: BEGIN DEFERRED (no lock until the first write). */
    DEFERRED
}

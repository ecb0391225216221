package dev.modelrepo.lock;

/** The strength of a pessimistic lock; SQLite's transaction modes are modes too, since that is its lock. */
public enum LockMode {
    UPDATE, SHARE, NO_KEY_UPDATE, KEY_SHARE,
    /** SQLite: BEGIN IMMEDIATE (a reserved lock: one writer, readers continue). */
    IMMEDIATE,
    /** SQLite: BEGIN EXCLUSIVE. */
    EXCLUSIVE,
    /** SQLite: BEGIN DEFERRED (no lock until the first write). */
    DEFERRED
}

package dev.modelrepo.dialect;

/** SQLite's lock: the mode a transaction begins in (it has no row locks). */
public enum TransactionBeginMode {
    /** BEGIN IMMEDIATE: the write lock at once (one writer, readers continue). */
    IMMEDIATE,
    /** BEGIN EXCLUSIVE. */
    EXCLUSIVE,
    /** BEGIN DEFERRED: no lock until the first write. */
    DEFERRED
}

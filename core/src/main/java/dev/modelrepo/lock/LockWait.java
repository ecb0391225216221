package dev.modelrepo.lock;

/** What a lock does when the row is already locked: wait (the default), fail at once, wait n seconds, or skip it. */
public enum LockWait {
    DEFAULT, NOWAIT, WAIT, SKIP_LOCKED
}

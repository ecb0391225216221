package dev.modelrepo.dialect;

/** What a row lock does when the row is already locked: wait (the default), fail at once, wait n seconds, or skip it. */
public enum LockWaitPolicy {
    DEFAULT, NOWAIT, WAIT, SKIP_LOCKED
}

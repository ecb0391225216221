package dev.modelrepo.model.internal;

/** The lifecycle points at which model hooks and {@code ModelListener}s run. */
public enum Hook {
    BEFORE_INSERT, AFTER_INSERT, BEFORE_UPDATE, AFTER_UPDATE, BEFORE_DELETE, AFTER_DELETE
}

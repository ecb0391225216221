package dev.modelrepo.lock;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import dev.modelrepo.dialect.TransactionBeginMode;

/** A transaction lock mode was asked inside a transaction that already began in another one (SQLite). */
public class LockModeConflictException extends InvalidDataAccessApiUsageException {

    public LockModeConflictException(String dialect, @Nullable TransactionBeginMode current, TransactionBeginMode asked) {
        super(dialect + ": the open transaction began " + current + ", " + asked + " was asked; a transaction's lock mode is"
                + " chosen when it begins: call withLocked outside the transaction, or begin it in " + asked);
    }
}

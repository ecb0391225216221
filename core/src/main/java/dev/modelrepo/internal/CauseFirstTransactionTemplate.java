package dev.modelrepo.internal;

import java.lang.reflect.UndeclaredThrowableException;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.CallbackPreferringPlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A {@link TransactionTemplate} whose callers see why the work failed, not why the rollback after it failed: when
 * the rollback fails too (a connection the pool evicted for the statement's error, a SQLite transaction that never
 * began), the work's own exception is thrown with the rollback failure as a suppressed exception. Spring's
 * template throws the rollback failure instead, which hides the cause from users and from conflict retries.
 */
public final class CauseFirstTransactionTemplate extends TransactionTemplate {

    private static final long serialVersionUID = 1L;

    public CauseFirstTransactionTemplate(PlatformTransactionManager transactionManager) {
        super(transactionManager);
    }

    public CauseFirstTransactionTemplate(PlatformTransactionManager transactionManager, TransactionDefinition definition) {
        super(transactionManager, definition);
    }

    @Override
    public <T extends @Nullable Object> T execute(TransactionCallback<T> action) throws TransactionException {
        PlatformTransactionManager manager = java.util.Objects.requireNonNull(getTransactionManager(), "transactionManager");
        if (manager instanceof CallbackPreferringPlatformTransactionManager) {
            return super.execute(action);
        }
        TransactionStatus status = manager.getTransaction(this);
        T result;
        try {
            result = action.doInTransaction(status);
        }
        catch (RuntimeException | Error ex) {
            rollbackKeepingCause(manager, status, ex);
            throw ex;
        }
        catch (Throwable ex) {
            rollbackKeepingCause(manager, status, ex);
            throw new UndeclaredThrowableException(ex, "TransactionCallback threw undeclared checked exception");
        }
        manager.commit(status);
        return result;
    }

    private static void rollbackKeepingCause(PlatformTransactionManager manager, TransactionStatus status, Throwable cause) {
        try {
            manager.rollback(status);
        }
        catch (RuntimeException | Error rollbackFailure) {
            if (rollbackFailure != cause) {
                cause.addSuppressed(rollbackFailure);
            }
        }
    }
}

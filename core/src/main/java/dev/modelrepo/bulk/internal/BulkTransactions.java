package dev.modelrepo.bulk.internal;

import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import dev.modelrepo.internal.CauseFirstTransactionTemplate;
import dev.modelrepo.internal.jdbc.StatementExecutor;

/**
 * Runs a bulk operation in the transaction its options ask for, one template per propagation, and names the operation
 * in the lock conflicts that escape it: a BEGIN refused for a lock, or a busy statement besides the chunks' own.
 */
final class BulkTransactions {

    private final Map<Propagation, TransactionTemplate> templates = new EnumMap<>(Propagation.class);

    private final PlatformTransactionManager transactionManager;

    private final StatementExecutor executor;

    BulkTransactions(PlatformTransactionManager transactionManager, StatementExecutor executor) {
        this.transactionManager = transactionManager;
        this.executor = executor;
    }

    /** Runs the work of the operation {@code label} names ("insertBulk of User"), made only when needed. */
    <T> T run(Supplier<String> label, BulkSettings options, Supplier<T> work) {
        TransactionTemplate template;
        synchronized (templates) {
            template = templates.computeIfAbsent(options.propagation(), p -> {
                TransactionTemplate t = new CauseFirstTransactionTemplate(transactionManager);
                t.setPropagationBehavior(p.value());
                return t;
            });
        }
        try {
            return Objects.requireNonNull(template.execute(status -> work.get()));
        }
        catch (CannotCreateTransactionException ex) {
            throw beginFailure(label.get(), ex);
        }
        catch (ConcurrencyFailureException ex) {
            // a lock failure of a statement other than the chunks' own (a version check, a read-back): say whose
            String name = label.get();
            if (ChunkWriter.sqlCause(ex) == null || String.valueOf(ex.getMessage()).startsWith(name)) {
                throw ex;
            }
            throw ChunkWriter.conflict(name + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * A BEGIN the database refused for a lock (SQLite's BUSY at {@code BEGIN IMMEDIATE}) is the lock conflict it is,
     * named after the operation; other failures to begin pass unchanged.
     */
    private RuntimeException beginFailure(String label, CannotCreateTransactionException ex) {
        SQLException sql = ChunkWriter.sqlCause(ex);
        DataAccessException translated = sql == null ? null : executor.translate(label, null, sql);
        if (translated instanceof CannotAcquireLockException) {
            return new CannotAcquireLockException(label + " could not begin its transaction: " + sql.getMessage(), ex);
        }
        return ex;
    }
}

package dev.modelrepo.lock;

import dev.modelrepo.internal.CauseFirstTransactionTemplate;
import dev.modelrepo.internal.Arguments;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.model.Model;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.QueryRenderer;
import dev.modelrepo.repository.internal.FacadeFactory;
import dev.modelrepo.repository.internal.LockRetry;
import dev.modelrepo.repository.internal.ModelReads;
import dev.modelrepo.repository.internal.RepositoryContext;
import dev.modelrepo.dialect.LockRequest;
import dev.modelrepo.dialect.UnsupportedLockException;
import dev.modelrepo.dialect.TransactionBeginMode;

/**
 * Pessimistic locks and conflict retries. {@code withLocked} selects rows with the dialect's lock clause in the
 * current transaction (or its own) and hands them to the callback; on SQLite, which has no row locks, the lock is
 * the mode the transaction begins in. {@code retryOnConflict} reruns a unit of work in fresh transactions on
 * optimistic conflicts, lock failures, deadlocks and serialization failures, with capped exponential backoff.
 */
public class LockOperations {

    /**
     * First retry delay, 50 ms: doubled per attempt up to {@link #MAX_BACKOFF}, with jitter. The one default of
     * {@code repo.locks()} and of the {@code modelrepo.lock.retry.backoff} property.
     */
    public static final Duration INITIAL_BACKOFF = Duration.ofMillis(50);

    public static final Duration MAX_BACKOFF = Duration.ofMillis(500);

    /** Attempts of {@link #retryOnConflict(Supplier)} when not configured (also {@code modelrepo.lock.retry.attempts}'s default). */
    public static final int DEFAULT_ATTEMPTS = 5;

    static {
        FacadeFactory.install(LockOperations.class, new FacadeFactory<LockOperations, LockRetry>() {
            @Override
            public LockOperations create(RepositoryContext context, LockRetry retry) {
                return new LockOperations(context, retry.initialBackoff(), retry.attempts());
            }
        });
    }

    private final ModelReads reads;

    private final QueryRenderer renderer;

    private final Dialect dialect;

    private final DataSource dataSource;

    private final TransactionTemplate required;

    private final Duration initialBackoff;

    private final int defaultAttempts;

    /**
     * @param initialBackoff the first wait between attempts (then doubled up to {@link #MAX_BACKOFF}, with jitter)
     * @param defaultAttempts attempts of {@link #retryOnConflict(Supplier)}, the first one included
     */
    private LockOperations(RepositoryContext context, @Nullable Duration initialBackoff, int defaultAttempts) {
        Duration backoff = Arguments.notNull(initialBackoff, "initialBackoff");
        if (defaultAttempts < 1 || backoff.isNegative()) {
            throw new IllegalArgumentException("attempts must be >= 1 and backoff >= 0, got " + defaultAttempts + " and " + backoff);
        }
        this.defaultAttempts = defaultAttempts;
        this.reads = context.reads();
        this.renderer = context.renderer();
        this.dialect = context.dialect();
        this.dataSource = context.dataSource();
        this.required = context.required();
        this.initialBackoff = backoff;
    }

    /** The first wait between attempts of {@code retryOnConflict}. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The attempts of {@link #retryOnConflict(Supplier)}, the first one included. */
    public int defaultAttempts() {
        return defaultAttempts;
    }

    /**
     * Selects the query's rows with the lock, in the current transaction or a new one, and returns what
     * {@code work} returns; the transaction this method opened commits after it (or rolls back if it throws).
     * A lock the database cannot do raises {@link UnsupportedLockException} before any SQL runs.
     */
    public <M extends Model, T> T withLocked(ModelQuery<M> query, Map<String, ?> params, LockOptions options, Function<List<M>, T> work) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        Arguments.notNull(options, "lock");
        Arguments.notNull(work, "work");
        LockRequest lock = options.request();
        renderer.render(query, params, lock);   // fails before any SQL when the lock is not possible
        return inLockTransaction(options, () -> work.apply(reads.listLocked(query, params, lock)));
    }

    /**
     * Runs {@code work} in the transaction a lock of these options needs, as {@link #withLocked} runs its SELECT: the
     * current transaction, or a new one that commits after {@code work} (or rolls back if it throws); on SQLite one begun
     * in the lock's mode. For SELECTs that write their lock clause themselves, such as {@code repo.sql(…).withLocked(…)}.
     */
    public <T> T inLockTransaction(LockOptions options, Supplier<T> work) {
        Arguments.notNull(options, "lock");
        Arguments.notNull(work, "work");
        TransactionBeginMode mode = dialect.locks().beginMode(options.request());
        if (mode != null) {
            return withTransactionMode(mode, work);
        }
        return required.execute(status -> work.get());
    }

    /** {@link #withLocked} for work without a result. */
    public <M extends Model> void useLocked(ModelQuery<M> query, Map<String, ?> params, LockOptions options, Consumer<List<M>> work) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        Arguments.notNull(options, "lock");
        Arguments.notNull(work, "work");
        withLocked(query, params, options, rows -> {
            work.accept(rows);
            return null;
        });
    }

    /** {@link #retryOnConflict(int, Supplier)} with the configured number of attempts. */
    public <T> T retryOnConflict(Supplier<T> work) {
        return retryOnConflict(defaultAttempts, work);
    }

    /**
     * Runs {@code work} in a fresh transaction, again (up to {@code maxAttempts} times in all) when it fails on a
     * conflict: optimistic locking, lock not acquired, deadlock, serialization failure, or a SQLite BUSY at BEGIN.
     * Waits between attempts with exponential backoff and jitter; rethrows the last failure. Refuses to run inside
     * an active transaction, where a retry could not undo what came before.
     */
    public <T> T retryOnConflict(int maxAttempts, Supplier<T> work) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Arguments.notNull(work, "work");
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("retryOnConflict cannot run inside an active transaction: a retry could not"
                    + " undo the work before it. Call it outside, around the whole unit of work (it opens the transaction itself)");
        }
        RetryPolicy policy = RetryPolicy.builder().maxRetries(maxAttempts - 1L).delay(initialBackoff).multiplier(2)
                .maxDelay(MAX_BACKOFF).jitter(initialBackoff).predicate(this::isRetryable).build();
        TransactionBeginMode mode = dialect.locks().unitOfWorkMode();
        return new RetryTemplate(policy).invoke(() -> mode != null ? withTransactionMode(mode, work) : required.execute(status -> work.get()));
    }

    /**
     * Whether a failure is a conflict another attempt may not meet, by Spring's exception types: optimistic locking,
     * lock not acquired, deadlock, serialization failure (the {@link ConcurrencyFailureException} family), also as the
     * cause of a transaction that could not begin. {@link #isRetryable} also asks the dialect about a begin failure
     * Spring did not translate (SQLite's BUSY).
     */
    public static boolean isConflict(Throwable failure) {
        if (failure instanceof ConcurrencyFailureException) {
            return true;
        }
        if (failure instanceof CannotCreateTransactionException) {
            for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
                if (t instanceof ConcurrencyFailureException) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What {@link #retryOnConflict} retries. When the failure carries database errors (as causes, or chained with
     * {@code getNextException}), the dialect decides from them alone ({@link Dialect#isConflict}): a serialization
     * failure, deadlock or lock not acquired is retried, also when it surfaced at commit or at BEGIN (a SQLite BUSY), and
     * an error a retry must not repeat (PostgreSQL's 40003, an outcome the database could not report) is not, whatever
     * Spring's translation made of it. Without a database error it is a {@link #isConflict conflict} by Spring's type
     * (an optimistic-locking failure of a versioned save).
     */
    public boolean isRetryable(Throwable failure) {
        boolean sawDatabaseError = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                if (dialect.isConflict(sql)) {
                    return true;
                }
                sawDatabaseError = true;
            }
        }
        return !sawDatabaseError && isConflict(failure);
    }

    /**
     * SQLite: the lock is the mode the transaction begins in. Inside an open transaction the mode must already be
     * the one asked for; otherwise a transaction is begun in that mode (its BEGIN retried with backoff while the
     * database is busy) and the connection's mode restored afterwards.
     */
    private <T> T withTransactionMode(TransactionBeginMode mode, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                TransactionBeginMode current = dialect.transactionMode(connection);
                if (current != mode) {
                    throw new LockModeConflictException(dialect.name(), current, mode);
                }
            }
            catch (SQLException ex) {
                throw new InvalidDataAccessApiUsageException("Cannot read the transaction mode: " + ex.getMessage(), ex);
            }
            finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            return work.get();
        }
        TransactionModeDataSource modal = new TransactionModeDataSource(dataSource, dialect, mode);
        TransactionTemplate own = new CauseFirstTransactionTemplate(new JdbcTransactionManager(dialect.transactionDataSource(modal)));
        RetryPolicy busy = RetryPolicy.builder().maxRetries(8).delay(initialBackoff).multiplier(2).maxDelay(MAX_BACKOFF)
                .jitter(initialBackoff).predicate(t -> t instanceof CannotCreateTransactionException && isRetryable(t)).build();
        return new RetryTemplate(busy).invoke(() -> own.execute(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    modal.restore();
                }
            });
            return work.get();
        }));
    }
}

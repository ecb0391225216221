package dev.modelrepo.repository.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.internal.jdbc.BoundStatement;

/**
 * A streaming result: rows are read from the database as the iterator advances, so memory stays constant
 * whatever the row count. Inside a Spring transaction it uses the transaction's connection and is closed, at the
 * latest, when that transaction commits or rolls back (a later read fails clearly); outside, it holds its own
 * connection (with autocommit off where the dialect needs it) until {@link #close()}, the end of its rows, or its
 * garbage collection, which logs a WARN naming where it was opened. It is its stream's spliterator too, so that a row
 * costs the stream what it costs JdbcTemplate's: one {@code next()} of the result and the row's read, no wrapper.
 */
final class Cursor<T> implements Iterator<T>, Spliterator<T>, AutoCloseable {

    /** The JDK's innocuous cleaner thread: no context class loader kept, so a redeployed application can unload. */
    private static final Cleaner CLEANER = Cleaner.create();

    private final ResultSet rs;

    private final RowReader<T> reader;

    private final String name;

    private final StatementExecutor executor;

    private final String sql;

    private final CursorResources resources;

    private final Cleaner.Cleanable cleanable;

    private final Function<String, ? extends RuntimeException> streamClosed;

    /** Whether the result is on a row not read yet: {@link #hasNext()} moved it there. */
    private boolean onRow;

    /**
     * @param streamClosed what a read after the transaction ended raises, from the cursor's name
     * @param onlyReads whether the statement only reads, so that outside a transaction it may run on a read replica
     */
    Cursor(DataSource dataSource, Dialect dialect, StatementExecutor executor, BoundStatement bound, CursorRows<T> rows, int fetchSize,
            Function<String, ? extends RuntimeException> streamClosed, boolean onlyReads) {
        this.name = rows.name();
        this.streamClosed = streamClosed;
        this.executor = executor;
        this.sql = bound.sql();
        boolean synchronizing = TransactionSynchronizationManager.isSynchronizationActive();
        boolean owned = !synchronizing && !TransactionSynchronizationManager.hasResource(dataSource);
        Connection connection = executor.readConnection(onlyReads);
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive()
                && DataSourceUtils.isConnectionTransactional(connection, dataSource);
        Open<T> open = open(dataSource, dialect, connection, !inTransaction && dialect.cursorNeedsTransaction(), bound, rows, fetchSize,
                onlyReads && !inTransaction);
        if (open == null) {   // the read replica lost the connection: once more, on the primary
            connection = executor.readConnection(onlyReads);
            open = open(dataSource, dialect, connection, dialect.cursorNeedsTransaction(), bound, rows, fetchSize, false);
        }
        this.rs = open.rs;
        this.reader = open.reader;
        this.resources = new CursorResources(dataSource, name, owned, connection, open.statement, rs, open.ownTransaction,
                dialect.streamingBlocksConnection());
        this.cleanable = CLEANER.register(this, resources);
        if (synchronizing) {
            CursorSynchronization.register(resources);
        }
    }

    /** The open result of a cursor, before it holds it. */
    private record Open<T>(PreparedStatement statement, ResultSet rs, RowReader<T> reader, boolean ownTransaction) {
    }

    /**
     * Runs the query on the connection (in a read transaction of its own when {@code ownTransaction} and autocommit is on),
     * logged and observed as a stream; on failure everything is closed, the connection released and the error translated,
     * or null returned when {@code retryable} and the read replica lost the connection (the caller tries the primary).
     */
    private @Nullable Open<T> open(DataSource dataSource, Dialect dialect, Connection connection, boolean ownTransaction,
            BoundStatement bound, CursorRows<T> rows, int fetchSize, boolean retryable) {
        boolean own = false;
        PreparedStatement ps = null;
        boolean logged = executor.logsStatements();
        long start = logged ? System.nanoTime() : 0;
        StatementExecutor.Op op = logged || executor.reportsStatements() ? StatementExecutor.Op.of("stream", rows.metricsModel()) : null;
        try {
            if (op != null) {
                executor.report(op, bound.sql());
            }
            if (ownTransaction && connection.getAutoCommit()) {
                connection.setAutoCommit(false);
                own = true;
            }
            executor.checkNotStreaming(connection);
            ps = dialect.prepareCursor(connection, executor.commented(bound.sql()), fetchSize);
            bound.bindTo(ps);
            ResultSet result;
            // the timeout covers the query up to its first rows; the consumer then reads at its own pace
            try (StatementExecutor.TimeoutWatch watch = executor.applyTimeout(connection, ps)) {
                result = ps.executeQuery();
            }
            if (logged) {
                executor.logStream(bound, op, System.nanoTime() - start, null);
            }
            return new Open<>(ps, result, rows.opener().open(result), own);
        }
        catch (SQLException | RuntimeException ex) {
            if (logged) {
                executor.logStream(bound, op, System.nanoTime() - start, ex);
            }
            CursorResources.closeQuietly(ps);
            CursorResources.restore(connection, own);
            DataSourceUtils.releaseConnection(connection, dataSource);
            if (retryable && ex instanceof SQLException sqlEx && executor.retriesOnPrimary(connection, sqlEx)) {
                return null;
            }
            if (ex instanceof SQLException sqlEx) {
                throw executor.translate("stream " + name, bound.sql(), sqlEx);
            }
            throw (RuntimeException) ex;
        }
    }

    @Override
    public boolean hasNext() {
        if (!onRow) {
            onRow = advance();
        }
        return onRow;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        onRow = false;
        return read();
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        if (!hasNext()) {
            return false;
        }
        onRow = false;
        action.accept(read());
        return true;
    }

    @Override
    public void forEachRemaining(Consumer<? super T> action) {
        while (tryAdvance(action)) {
            // every row goes to the action
        }
    }

    /** Never splits: the rows come one at a time from one result. */
    @Override
    public @Nullable Spliterator<T> trySplit() {
        return null;
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return Spliterator.ORDERED | Spliterator.NONNULL;
    }

    /**
     * Moves the result to its next row: false at the end (which closes the cursor) or once it was closed; a read after its
     * transaction ended raises {@code streamClosed}.
     */
    private boolean advance() {
        try {
            CursorResources.State state = resources.state();
            if (state != CursorResources.State.OPEN) {
                if (state == CursorResources.State.TRANSACTION_ENDED) {
                    throw streamClosed.apply(name);
                }
                return false;
            }
            boolean more;
            try {
                more = rs.next();
            }
            catch (SQLException ex) {
                close();
                throw executor.translate("stream " + name, sql, ex);
            }
            if (!more) {
                close();
            }
            return more;
        }
        finally {
            // The cleaner must not release the result set while a read of it runs, however dead the JIT finds this cursor.
            Reference.reachabilityFence(this);
        }
    }

    /** The current row, read. */
    private T read() {
        try {
            return reader.read(rs);
        }
        catch (SQLException ex) {
            close();
            throw executor.translate("stream " + name, sql, ex);
        }
        finally {
            Reference.reachabilityFence(this);
        }
    }

    /** Closes the result and statement and releases the connection (ending its own read transaction). */
    @Override
    public void close() {
        resources.release(CursorResources.State.CLOSED);
        cleanable.clean();
    }
}

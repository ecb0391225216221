package dev.modelrepo.repository.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.query.internal.RowPlan;
import dev.modelrepo.types.ColumnReader;
import dev.modelrepo.types.StandardReader;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.internal.jdbc.BoundStatement;

/**
 * A streaming result: rows are read from the database as the iterator advances, so memory stays constant
 * whatever the row count. Inside a Spring transaction it uses the transaction's connection and is closed, at the
 * latest, when that transaction commits or rolls back (a later read fails clearly); outside, it holds its own
 * connection (with autocommit off where the dialect needs it) until {@link #close()}, the end of its rows, or its
 * garbage collection, which logs a WARN naming where it was opened.
 */
final class Cursor<M extends Model> implements Iterator<M>, AutoCloseable {

    private static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    /** The JDK's innocuous cleaner thread: no context class loader kept, so a redeployed application can unload. */
    private static final Cleaner CLEANER = Cleaner.create();

    private final ResultSet rs;

    private final RowPlan plan;

    private final StatementExecutor executor;

    private final String sql;

    private final CursorResources resources;

    private final Cleaner.Cleanable cleanable;

    private final Function<String, ? extends RuntimeException> streamClosed;

    private @Nullable Boolean hasNext;

    /** @param streamClosed what a read after the transaction ended raises, from the model's name */
    Cursor(DataSource dataSource, Dialect dialect, StatementExecutor executor, BoundStatement bound, RowPlan plan, int fetchSize,
            Function<String, ? extends RuntimeException> streamClosed) {
        this.plan = plan;
        this.streamClosed = streamClosed;
        this.executor = executor;
        this.sql = bound.sql();
        if (plan.groupsRows()) {
            throw new org.springframework.dao.InvalidDataAccessApiUsageException("A cursor cannot merge the rows of a has-many join;"
                    + " stream the parents and include(...) their children per batch with forEachBatch");
        }
        boolean synchronizing = TransactionSynchronizationManager.isSynchronizationActive();
        boolean owned = !synchronizing && !TransactionSynchronizationManager.hasResource(dataSource);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive()
                && DataSourceUtils.isConnectionTransactional(connection, dataSource);
        boolean own = false;
        PreparedStatement ps = null;
        boolean logged = executor.logsStatements();
        long start = logged ? System.nanoTime() : 0;
        StatementExecutor.Op op = logged || executor.reportsStatements() ? StatementExecutor.Op.of("stream",
                plan.layout().table() != null ? plan.layout().table().name() : plan.layout().modelName()) : null;
        try {
            if (op != null) {
                executor.report(op, bound.sql());
            }
            if (!inTransaction && dialect.cursorNeedsTransaction() && connection.getAutoCommit()) {
                connection.setAutoCommit(false);
                own = true;
            }
            executor.checkNotStreaming(connection);
            ps = dialect.prepareCursor(connection, executor.commented(bound.sql()), fetchSize);
            bound.bindTo(ps);
            // the timeout covers the query up to its first rows; the consumer then reads at its own pace
            try (StatementExecutor.TimeoutWatch watch = executor.applyTimeout(connection, ps)) {
                this.rs = ps.executeQuery();
            }
            if (logged) {
                executor.logStream(bound, op, System.nanoTime() - start, null);
            }
        }
        catch (SQLException | RuntimeException ex) {
            if (logged) {
                executor.logStream(bound, op, System.nanoTime() - start, ex);
            }
            CursorResources.closeQuietly(ps);
            CursorResources.restore(connection, own);
            DataSourceUtils.releaseConnection(connection, dataSource);
            if (ex instanceof SQLException sqlEx) {
                throw executor.translate("stream " + plan.layout().modelName(), bound.sql(), sqlEx);
            }
            throw (RuntimeException) ex;
        }
        this.resources = new CursorResources(dataSource, plan.layout().modelName(), owned, connection, ps, rs, own,
                dialect.streamingBlocksConnection());
        this.cleanable = CLEANER.register(this, resources);
        if (synchronizing) {
            CursorSynchronization.register(resources);
        }
    }


    @Override
    public boolean hasNext() {
        try {
            CursorResources.State state = resources.state();
            if (state != CursorResources.State.OPEN) {
                if (state == CursorResources.State.TRANSACTION_ENDED) {
                    throw streamClosed.apply(plan.layout().modelName());
                }
                return false;
            }
            if (hasNext == null) {
                try {
                    hasNext = rs.next();
                }
                catch (SQLException ex) {
                    close();
                    throw executor.translate("stream " + plan.layout().modelName(), sql, ex);
                }
                if (!hasNext) {
                    close();
                }
            }
            return hasNext;
        }
        finally {
            // The cleaner must not release the result set while a read of it runs, however dead the JIT finds this cursor.
            Reference.reachabilityFence(this);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public M next() {
        try {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            hasNext = null;
            try {
                ColumnReader[] readers = plan.readers();
                Object[] values = new Object[readers.length];
                for (int i = 0; i < readers.length; i++) {
                    values[i] = StandardReader.read(readers[i], rs, i + 1);
                }
                M model = (M) ACCESS.newInstance(plan.model());
                ACCESS.load(model, plan.layout(), values);
                return model;
            }
            catch (SQLException ex) {
                close();
                throw executor.translate("stream " + plan.layout().modelName(), sql, ex);
            }
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

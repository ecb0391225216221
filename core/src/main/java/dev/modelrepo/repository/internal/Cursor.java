package dev.modelrepo.repository.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.WeakHashMap;

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

/**
 * A streaming result: rows are read from the database as the iterator advances, so memory stays constant
 * whatever the row count. Inside a Spring transaction it uses the transaction's connection; outside, it
 * holds its own connection (with autocommit off where the dialect needs it) until {@link #close()}.
 */
public final class Cursor<M extends Model> implements Iterator<M>, AutoCloseable {

    private static final ModelAccess ACCESS = ModelAccess.get();

    /** Connections with an open streaming result, on dialects where that blocks the connection. */
    private static final Map<Connection, Boolean> STREAMING = Collections.synchronizedMap(new WeakHashMap<>());

    private final DataSource dataSource;

    private final Connection connection;

    private final PreparedStatement statement;

    private final ResultSet rs;

    private final RowPlan plan;

    private final boolean ownTransaction;

    private final boolean blocks;

    private final StatementExecutor executor;

    private final String sql;

    private @Nullable Boolean hasNext;

    private boolean closed;

    public Cursor(DataSource dataSource, Dialect dialect, StatementExecutor executor, BoundStatement bound, RowPlan plan, int fetchSize) {
        this.dataSource = dataSource;
        this.plan = plan;
        this.executor = executor;
        this.sql = bound.sql();
        if (plan.groupsRows()) {
            throw new org.springframework.dao.InvalidDataAccessApiUsageException("A cursor cannot merge the rows of a has-many join;"
                    + " stream the parents and include(...) their children per batch with forEachBatch");
        }
        this.connection = DataSourceUtils.getConnection(dataSource);
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive()
                && DataSourceUtils.isConnectionTransactional(connection, dataSource);
        boolean own = false;
        PreparedStatement ps = null;
        try {
            if (!inTransaction && dialect.cursorNeedsTransaction() && connection.getAutoCommit()) {
                connection.setAutoCommit(false);
                own = true;
            }
            executor.checkNotStreaming(connection);
            ps = dialect.prepareCursor(connection, bound.sql(), fetchSize);
            executor.applyTimeout(ps);
            bound.bindTo(ps);
            this.rs = ps.executeQuery();
        }
        catch (SQLException ex) {
            closeQuietly(ps);
            restore(own);
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw executor.translate("stream " + plan.layout().modelName(), bound.sql(), ex);
        }
        this.statement = ps;
        this.ownTransaction = own;
        this.blocks = dialect.streamingBlocksConnection();
        if (blocks) {
            STREAMING.put(connection, Boolean.TRUE);
        }
    }

    /** Whether a streaming result is open on this connection (where that blocks it). */
    static boolean isStreaming(Connection connection) {
        return STREAMING.containsKey(connection);
    }

    @Override
    public boolean hasNext() {
        if (closed) {
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

    @Override
    @SuppressWarnings("unchecked")
    public M next() {
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
            M model = (M) plan.model().newInstance();
            ACCESS.load(model, plan.layout(), values);
            return model;
        }
        catch (SQLException ex) {
            close();
            throw executor.translate("stream " + plan.layout().modelName(), sql, ex);
        }
    }

    /** Closes the result and statement and releases the connection (ending its own read transaction). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (blocks) {
            STREAMING.remove(connection);
        }
        closeQuietly(rs);
        closeQuietly(statement);
        restore(ownTransaction);
        DataSourceUtils.releaseConnection(connection, dataSource);
    }

    private void restore(boolean own) {
        if (own) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            catch (SQLException ex) {
                // The pool validates the connection on return; nothing was written in this read-only cursor.
            }
        }
    }

    private static void closeQuietly(@Nullable AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            }
            catch (Exception ex) {
                // closing a cursor must not hide the exception that ended it
            }
        }
    }
}

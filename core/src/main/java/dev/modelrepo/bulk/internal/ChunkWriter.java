package dev.modelrepo.bulk.internal;

import java.sql.BatchUpdateException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.dialect.BulkSupport;
import dev.modelrepo.dialect.BulkSupport.Slot;
import dev.modelrepo.dialect.BulkSupport.Statement;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.internal.jdbc.ResultHandler;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.types.ValueBinder;

/**
 * Runs the statements of one bulk operation chunk by chunk through the {@link StatementExecutor} (so each is observed
 * and translated): binds a chunk's values per the statement's slots, runs batched shapes as one JDBC batch, and turns
 * a failure into a {@link FailedStatement} (a lock conflict into a conflict of its kind) naming the failing
 * element. That element comes from the batch's update counts, from the database's error (PostgreSQL), or else, inside
 * a transaction that the failure rolls back anyway and on engines where a failed statement leaves the transaction
 * usable, by running the chunk's rows one by one until one fails.
 */
final class ChunkWriter {

    private final StatementExecutor executor;

    private final BulkSupport support;

    private final String operation;

    private final StatementExecutor.Op op;

    private final IntFunction<Statement> shapes;

    private final List<ColumnMetadata> columns;

    private final ValueBinder[] binders;

    private final List<ColumnMetadata> scalarColumns;

    private final @Nullable Object[] scalars;

    /** Whether the last batch failed, and its update counts when known (Spring's translation drops the BatchUpdateException). */
    private boolean batchFailed;

    private int @Nullable [] failedBatch;

    ChunkWriter(StatementExecutor executor, BulkSupport support, String operation, StatementExecutor.Op op,
            IntFunction<Statement> shapes, List<ColumnMetadata> columns, List<ColumnMetadata> scalarColumns, @Nullable Object[] scalars) {
        this.executor = executor;
        this.support = support;
        this.operation = operation;
        this.op = op;
        this.shapes = shapes;
        this.columns = columns;
        this.binders = columns.stream().map(ColumnMetadata::binder).toArray(ValueBinder[]::new);
        this.scalarColumns = scalarColumns;
        this.scalars = scalars;
    }

    /** Runs the statement for the chunk's rows and returns the affected row count. */
    int update(Chunk chunk) {
        try {
            return doUpdate(chunk);
        }
        catch (DataAccessException ex) {
            throw failure(ex, chunk);
        }
    }

    /** Runs a (non-batched) statement for the chunk's rows that returns rows, handing them to {@code handler}. */
    <T> T query(Chunk chunk, ResultHandler<T> handler) {
        Statement shape = shapes.apply(chunk.size());
        try {
            return executor.execute(shape.sql(), op, false, ps -> {
                bind(ps, shape, chunk, 0);
                try (ResultSet rs = ps.executeQuery()) {
                    return handler.handle(rs);
                }
            });
        }
        catch (DataAccessException ex) {
            throw failure(ex, chunk);
        }
    }

    /** Fills the next chunk; false when no row is left. */
    @FunctionalInterface
    interface ChunkSource {
        boolean fill(Chunk chunk);
    }

    /**
     * Runs a batched shape over every chunk the source fills on one prepared statement (one JDBC batch per chunk),
     * with the hook around each; returns the summed count.
     */
    int updateBatched(Chunk chunk, ChunkSource source, @Nullable ChunkHook hook) {
        Statement shape = shapes.apply(1);
        try {
            return executor.execute(shape.sql(), op, false, ps -> {
                int total = 0;
                while (source.fill(chunk)) {
                    if (hook != null) {
                        hook.before(chunk);
                    }
                    for (int r = 0; r < chunk.size(); r++) {
                        bind(ps, shape, chunk, r);
                        ps.addBatch();
                    }
                    int n = 0;
                    for (int count : executeBatch(ps)) {
                        n += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
                    }
                    total += n;
                    if (hook != null) {
                        hook.after(chunk, n);
                    }
                }
                return total;
            });
        }
        catch (DataAccessException ex) {
            throw failure(ex, chunk);
        }
    }

    /**
     * Runs a multi-row shape over every chunk the source fills, on one prepared statement for each run of chunks of the
     * same size (the SQL depends on the row count, so the last, shorter chunk takes another): preparing a statement
     * of a thousand rows' placeholders can cost more than running it (SQLite: about a millisecond for six columns).
     * The first chunk is already filled, the source clears it before filling the next; returns the summed count.
     */
    int updateChunks(Chunk chunk, ChunkSource source, ChunkHook hook) {
        int total = 0;
        boolean filled = chunk.size() > 0;
        while (filled) {
            int size = chunk.size();
            Statement shape = shapes.apply(size);
            long[] run = new long[2];   // the run's count, then 1 when the source has rows left for another run
            try {
                executor.execute(shape.sql(), op, false, ps -> {
                    do {
                        hook.before(chunk);
                        bind(ps, shape, chunk, 0);
                        int n = ps.executeUpdate();
                        run[0] += n;
                        hook.after(chunk, n);
                        if (!source.fill(chunk)) {
                            return run[0];
                        }
                    }
                    while (chunk.size() == size);
                    run[1] = 1;
                    return run[0];
                }, n -> n);
            }
            catch (DataAccessException ex) {
                throw failure(ex, chunk);
            }
            total += (int) run[0];
            filled = run[1] == 1;
        }
        return total;
    }

    private int doUpdate(Chunk chunk) {
        Statement shape = shapes.apply(chunk.size());
        return executor.execute(shape.sql(), op, false, ps -> {
            if (!shape.batched()) {
                bind(ps, shape, chunk, 0);
                return ps.executeUpdate();
            }
            for (int r = 0; r < chunk.size(); r++) {
                bind(ps, shape, chunk, r);
                ps.addBatch();
            }
            int total = 0;
            for (int count : executeBatch(ps)) {
                total += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
            }
            return total;
        });
    }

    /** Runs the batch, keeping the update counts of a failure for {@link #failure}. */
    int[] executeBatch(PreparedStatement ps) throws SQLException {
        failedBatch = null;
        batchFailed = false;
        String progress = support.batchProgressQuery();
        long before = progress == null ? 0 : progress(ps, progress);
        try {
            return ps.executeBatch();
        }
        catch (BatchUpdateException ex) {
            batchFailed = true;
            failedBatch = ex.getUpdateCounts() == null || ex.getUpdateCounts().length == 0 ? null : ex.getUpdateCounts();
            throw ex;
        }
        catch (SQLException ex) {
            batchFailed = true;
            if (progress != null) {
                try {
                    int done = (int) (progress(ps, progress) - before);
                    failedBatch = new int[Math.max(0, done)];
                    java.util.Arrays.fill(failedBatch, 1);
                }
                catch (SQLException unknown) {
                    ex.addSuppressed(unknown);   // the batch's own error is the one to report
                }
            }
            throw ex;
        }
    }

    private static long progress(PreparedStatement ps, String query) throws SQLException {
        try (java.sql.Statement s = ps.getConnection().createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void bind(PreparedStatement ps, Statement shape, Chunk chunk, int row) throws SQLException {
        int p = 1;
        int width = columns.size();
        for (Slot slot : shape.slots()) {
            switch (slot.type()) {
                case ROWS -> {
                    for (int r = 0; r < chunk.size(); r++) {
                        for (int c = 0; c < width; c++) {
                            binders[c].bind(ps, p++, chunk.value(r, c));
                        }
                    }
                }
                case ARRAYS -> {
                    for (int c = 0; c < width; c++) {
                        support.bindArray(ps, p++, columns.get(c), chunk.column(c));
                    }
                }
                case ROW_VALUE -> binders[slot.index()].bind(ps, p++, chunk.value(row, slot.index()));
                case SCALAR -> scalarColumns.get(slot.index()).binder().bind(ps, p++, scalars[slot.index()]);
            }
        }
    }

    /**
     * The failure of a chunk as a FailedStatement naming its element, or the lock conflict it is (a non-SQL
     * failure passes unchanged).
     */
    RuntimeException failure(DataAccessException ex, Chunk chunk) {
        SQLException sql = sqlCause(ex);
        if (sql == null) {
            return ex;
        }
        if (chunk.size() == 0) {
            // before any row was read into the statement: its transaction's BEGIN was busy, say
            return failure(operation, ex, sql, -1, 0, 0);
        }
        int row = -1;
        boolean batch = batchFailed || sql instanceof BatchUpdateException;
        int[] counts = batchFailed ? failedBatch : sql instanceof BatchUpdateException b ? b.getUpdateCounts() : null;
        if (counts != null) {
            row = failedInBatch(counts, chunk.size());
        }
        if (row < 0 || row >= chunk.size()) {
            row = support.failedRow(sql, columns, chunk);
        }
        // a batch may have gone on after its failed row: replayed only where a failed batch leaves nothing
        if (row < 0 && (!batch || support.failedBatchLeavesNothing()) && chunk.size() > 1 && !support.failureAbortsTransaction() && ex instanceof DataIntegrityViolationException
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            row = replay(chunk);
        }
        boolean known = row >= 0 && row < chunk.size();
        return failure(operation, ex, sql, known ? chunk.index(row) : -1, chunk.index(0), chunk.index(chunk.size() - 1) + 1);
    }

    /** Runs the chunk's rows one by one (the transaction is rolled back afterwards): the first that fails is the culprit. */
    private int replay(Chunk chunk) {
        for (int r = 0; r < chunk.size(); r++) {
            try {
                doUpdate(chunk.row(r));
            }
            catch (DataAccessException again) {
                return r;
            }
        }
        return -1;
    }

    /** The first failed entry of a batch, or -1 when the counts do not tell (none, or every entry marked failed). */
    private static int failedInBatch(int @Nullable [] counts, int size) {
        if (counts == null || (size > 1 && counts.length == size && java.util.Arrays.stream(counts)
                .allMatch(c -> c == java.sql.Statement.EXECUTE_FAILED))) {
            return -1;
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == java.sql.Statement.EXECUTE_FAILED) {
                return i;
            }
        }
        return counts.length < size ? counts.length : -1;
    }

    static @Nullable SQLException sqlCause(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    /**
     * "insertBulk of User failed at element 5 (…): database message", as a {@link FailedStatement}; a lock or
     * serialization conflict stays the {@link ConcurrencyFailureException} it is, with the same message, so that callers
     * and {@code retryOnConflict} know that the same call may succeed later.
     */
    static DataAccessException failure(String operation, DataAccessException ex, SQLException sql, int index, int from, int to) {
        String where = index >= 0 ? " failed at element " + index + " (the failed statement covered elements " + from + ".." + (to - 1) + ")"
                : to <= from ? " failed before its statement wrote any row"
                : " failed in the statement covering elements " + from + ".." + (to - 1) + " (the database did not say which row)";
        String message = operation + where + ": " + sql.getMessage();
        if (ex instanceof ConcurrencyFailureException) {
            return conflict(message, ex);
        }
        return new FailedStatement(message, index, from, to, ex);
    }

    /** A conflict of the same kind as {@code ex}, with this message. */
    static ConcurrencyFailureException conflict(String message, DataAccessException ex) {
        if (ex instanceof CannotAcquireLockException) {
            return new CannotAcquireLockException(message, ex);
        }
        if (ex instanceof PessimisticLockingFailureException) {
            return new PessimisticLockingFailureException(message, ex);
        }
        if (ex instanceof OptimisticLockingFailureException) {
            return new OptimisticLockingFailureException(message, ex);
        }
        return new ConcurrencyFailureException(message, ex);
    }
}

package dev.modelrepo.bulk.internal;

import java.util.List;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.BulkSupport;
import dev.modelrepo.dialect.BulkSupport.Statement;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ValueBinder;

/** Splits the rows of a bulk operation into chunks (by batch size, bind limit and packet size) and runs each chunk's statement. */
final class ChunkPlanner {

    private final StatementExecutor executor;

    private final BulkSupport support;

    private volatile long packetLimit = -1;

    ChunkPlanner(StatementExecutor executor, BulkSupport support) {
        this.executor = executor;
        this.support = support;
    }

    /** Runs the shape chunk by chunk over all rows of the source; returns the summed affected count. */
    int writeAll(String label, StatementExecutor.Op op, RowSource source, IntFunction<Statement> shapes, List<ColumnMetadata> columns,
            List<ColumnMetadata> scalarColumns, @Nullable Object[] scalars, BulkSettings options, @Nullable ChunkHook hook) {
        return writeAll(label, op, source, shapes, support.arrayStatementRows(), columns, scalarColumns, scalars, options, hook);
    }

    /** {@link #writeAll} with {@code arrayRows} rows per array statement when no batch size was given. */
    int writeAll(String label, StatementExecutor.Op op, RowSource source, IntFunction<Statement> shapes, int arrayRows, List<ColumnMetadata> columns,
            List<ColumnMetadata> scalarColumns, @Nullable Object[] scalars, BulkSettings options, @Nullable ChunkHook hook) {
        Statement first = shapes.apply(1);
        int maxRows = rowsPerStatement(first, columns.size(), scalars.length, arrayRows, options);
        long budget = budget(first);
        ChunkWriter chunkWriter = new ChunkWriter(executor, support, label, op, shapes, columns, scalarColumns, scalars);
        Chunk chunk = new Chunk(columns.size(), maxRows);
        ChunkHook reporting = reporting(hook, source, options);
        if (first.batched()) {
            // one prepared statement for the whole operation, one JDBC batch per chunk
            int total = chunkWriter.updateBatched(chunk, c -> {
                c.clear();
                long bytes = 0;
                while (c.size() < maxRows && bytes < budget && c.add(source)) {
                    if (budget != Long.MAX_VALUE) {
                        bytes += PacketSize.ofBinary(c, c.size() - 1);
                    }
                }
                return c.size() > 0;
            }, reporting);
            options.progressDone();
            return total;
        }
        boolean[] more = {true};
        ChunkWriter.ChunkSource fill = c -> {
            c.clear();
            long bytes = first.sql().length();
            while (more[0] && c.size() < maxRows && bytes < budget) {
                if (!c.add(source)) {
                    more[0] = false;
                    break;
                }
                if (budget != Long.MAX_VALUE) {
                    bytes += PacketSize.of(c, c.size() - 1);
                }
            }
            return c.size() > 0;
        };
        int total = 0;
        if (hook == null && first.bindsPerRow()) {
            // multi-row statements of the same size share one prepared statement
            total = fill.fill(chunk) ? chunkWriter.updateChunks(chunk, fill, reporting) : 0;
        }
        else {
            while (fill.fill(chunk)) {
                reporting.before(chunk);
                int n = chunkWriter.update(chunk);
                total += n;
                reporting.after(chunk, n);
            }
        }
        options.progressDone();
        return total;
    }

    /** The hook, then the progress of the elements read so far (inside the transaction: a listener that throws aborts it). */
    private static ChunkHook reporting(@Nullable ChunkHook hook, RowSource source, BulkSettings options) {
        return new ChunkHook() {
            @Override
            public void before(Chunk chunk) {
                if (hook != null) {
                    hook.before(chunk);
                }
            }

            @Override
            public void after(Chunk chunk, int affected) {
                if (hook != null) {
                    hook.after(chunk, affected);
                }
                options.progressTo(source.consumed());
            }
        };
    }

    /**
     * The estimated bytes a chunk may reach: three quarters of the server's packet limit for multi-row statements, and
     * for a JDBC batch that the driver sends as one statement ({@link BulkSupport#failedBatchLeavesNothing}) so that it
     * stays one (a driver that split it could leave part of a failed batch behind); no limit otherwise.
     */
    private long budget(Statement first) {
        boolean bounded = first.bindsPerRow() || (first.batched() && support.failedBatchLeavesNothing());
        long limit = bounded ? packetLimit() : 0;
        if (limit <= 0) {
            return Long.MAX_VALUE;
        }
        // a batch also stays within one 16 MB protocol packet, whatever the server allows
        return (first.batched() ? Math.min(limit, 1 << 24) : limit) * 3 / 4 - 4096;
    }

    /**
     * Rows per statement: the batch size (array shapes: {@code arrayRows}, JDBC batches: the dialect's own default,
     * when none was given), within the bind-parameter limit for shapes that bind each row.
     */
    int rowsPerStatement(Statement shape, int width, int scalars, int arrayRows, BulkSettings options) {
        int rows = shape.batched() && !options.batchSizeGiven() && support.batchStatementRows() > 0 ? support.batchStatementRows()
                : options.batchSize();
        if (shape.bindsPerRow()) {
            rows = Math.min(rows, Math.max(1, (support.maxBindParameters() - scalars) / Math.max(1, width)));
        }
        if (shape.slots().contains(BulkSupport.Slot.ARRAYS)) {
            rows = Math.min(options.batchSizeGiven() ? rows : arrayRows, support.maxArrayLength());
        }
        return rows;
    }

    /** The server's packet limit in bytes, read once; 0 when none applies. */
    long packetLimit() {
        long limit = packetLimit;
        if (limit < 0) {
            String query = support.packetLimitQuery();
            limit = query == null ? 0 : executor.query(new BoundStatement(query, new ValueBinder[0], new Object[0]),
                    StatementExecutor.Op.of("select", "bulk"), rs -> rs.next() ? rs.getLong(1) : 0L);
            packetLimit = limit;
        }
        return limit;
    }
}

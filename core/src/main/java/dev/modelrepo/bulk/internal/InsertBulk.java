package dev.modelrepo.bulk.internal;

import java.util.List;

import org.springframework.dao.DataAccessException;

import dev.modelrepo.dialect.BulkSupport;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.schema.ColumnMetadata;

/** {@code insertBulk}: the rows in chunks of multi-row INSERTs, or through COPY where the dialect has it. */
final class InsertBulk {

    private final BulkEngine engine;

    InsertBulk(BulkEngine engine) {
        this.engine = engine;
    }

    int run(Class<? extends Model> type, List<String> names, List<?> rows, BulkSettings options) {
        ModelInfo info = engine.writableInfo(type, "insertBulk");
        String label = "insertBulk of " + info.name();
        BulkColumns columns = BulkColumns.of(info, names, label);
        columns.addTimestamps(info, engine.now());
        RowSource source = columns.source(label, type, rows, options.skipMismatches());
        String table = engine.writer.table(info);
        StatementExecutor.Op op = StatementExecutor.Op.of("insert-bulk", info.metadata().name());
        return engine.inTransaction(label, options, () -> {
            // COPY ignores the rules that rewrite INSERTs: a rule-routed table takes multi-row INSERTs
            if (engine.support.insertMethod() == BulkSupport.InsertMethod.COPY && info.metadata().insertRule() == null) {
                long copied = copy(label, table, columns.list, source, op, rows.size());
                if (copied >= 0) {
                    options.progressDone();   // COPY hands every row over in one statement
                    return (int) copied;
                }
            }
            return engine.planner.writeAll(label, op, source, n -> engine.support.insert(table, columns.list, n), columns.list, List.of(), new Object[0],
                    options, null);
        });
    }

    private long copy(String label, String table, List<ColumnMetadata> columns, RowSource source, StatementExecutor.Op op, int total) {
        try {
            return engine.executor.withConnection("COPY " + table + " FROM STDIN", op, c -> engine.support.copyIn(c, table, columns, source));
        }
        catch (DataAccessException ex) {
            java.sql.SQLException sql = ChunkWriter.sqlCause(ex);
            if (sql == null) {
                throw ex;
            }
            int row = engine.support.failedRow(sql, columns, null);
            throw ChunkWriter.failure(label, ex, sql, row < 0 ? -1 : source.indexOfRow(row), 0, total);
        }
    }
}

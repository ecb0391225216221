package dev.modelrepo.bulk.internal;

import java.util.List;

import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.KeyColumns;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.schema.ColumnMetadata;

/** {@code deleteBulk}: the rows by key in chunks, the deleted models frozen. */
final class DeleteBulk {

    private final BulkEngine engine;

    DeleteBulk(BulkEngine engine) {
        this.engine = engine;
    }

    int run(Class<? extends Model> type, List<?> rows, BulkSettings options) {
        ModelInfo info = engine.writableInfo(type, "deleteBulk");
        String label = "deleteBulk of " + info.name();
        List<ColumnMetadata> key = BulkEngine.requireKey(info, "deleteBulk");
        BulkColumns columns = BulkColumns.of(info, KeyColumns.names(key), label);
        RowSource source = columns.source(label, type, rows, options.skipMismatches());
        String table = engine.writer.table(info);
        StatementExecutor.Op op = StatementExecutor.Op.of("delete-bulk", info.metadata().name());
        WrittenModels deleted = new WrittenModels(rows, BulkEngine.ACCESS::freeze);
        return engine.inTransaction(label, options, () -> {
            int n = engine.planner.writeAll(label, op, source, c -> engine.support.delete(table, key, c), engine.support.arrayDeleteRows(),
                    columns.list, List.of(), new Object[0], options, (ChunkHook.After) (chunk, affected) -> deleted.written(chunk));
            deleted.finish();
            return n;
        });
    }
}

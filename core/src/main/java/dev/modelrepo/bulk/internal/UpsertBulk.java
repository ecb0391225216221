package dev.modelrepo.bulk.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.internal.write.ModelWriter;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.schema.ColumnMetadata;

/** {@code upsertBulk}: the rows in chunks of the dialect's insert-or-update on the conflict columns. */
final class UpsertBulk {

    private final BulkEngine engine;

    UpsertBulk(BulkEngine engine) {
        this.engine = engine;
    }

    int run(Class<? extends Model> type, List<String> names, List<?> rows, List<String> conflictNames, BulkSettings options) {
        ModelInfo info = engine.writableInfo(type, "upsertBulk");
        String label = "upsertBulk of " + info.name();
        BulkColumns columns = BulkColumns.of(info, names, label);
        if (conflictNames.isEmpty()) {
            throw new InvalidDataAccessApiUsageException(label + " needs conflict columns (a unique key among " + names + ")");
        }
        List<ColumnMetadata> conflict = new ArrayList<>();
        for (String name : conflictNames) {
            ColumnMetadata c = info.metadata().column(name);
            if (c == null) {
                throw UnknownColumnException.of(info.name(), name, info.metadata().columnNames());
            }
            if (!columns.list.contains(c)) {
                throw new InvalidDataAccessApiUsageException(label + ": conflict column '" + name + "' must be one of the columns " + names);
            }
            conflict.add(c);
        }
        columns.addTimestamps(info, engine.now());
        ColumnMetadata version = ModelWriter.version(info);
        ColumnMetadata createdAt = info.metadata().column(info.table().createdAt());
        List<ColumnMetadata> update = columns.list.stream()
                .filter(c -> !conflict.contains(c) && !c.primaryKey() && c != createdAt && c != version).toList();
        RowSource source = columns.source(label, type, rows, options.skipMismatches());
        String table = engine.writer.table(info);
        StatementExecutor.Op op = StatementExecutor.Op.of("upsert", info.metadata().name());
        return engine.inTransaction(label, options, () -> engine.planner.writeAll(label, op, source, n -> engine.support.upsert(table, columns.list, conflict, update, version, n),
                columns.list, List.of(), new Object[0], options, null));
    }
}

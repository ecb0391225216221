package dev.modelrepo.dialect;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;

/**
 * SQLite: inserts as one prepared statement batched inside one transaction (the engine is in-process, so a batch
 * costs no round trips), {@code UPDATE … FROM (VALUES …)} (3.33+), IN lists and {@code ON CONFLICT … DO UPDATE},
 * all within its 32,766 bind parameters per statement.
 */
public class SqliteBulkSupport extends StandardBulkSupport {

    /** SQLITE_MAX_VARIABLE_NUMBER since SQLite 3.32. */
    public static final int MAX_BIND_PARAMETERS = 32_766;

    public SqliteBulkSupport(Dialect dialect) {
        super(dialect);
    }

    @Override
    public int maxBindParameters() {
        return MAX_BIND_PARAMETERS;
    }

    /** sqlite-jdbc stops a batch at its first failure without saying where; the change counter tells. */
    @Override
    public String batchProgressQuery() {
        return "SELECT total_changes()";
    }

    /** {@code UPDATE t AS t SET c = v.column2 … FROM (VALUES (?, ?), …) AS v WHERE t.id = v.column1}. */
    @Override
    public Statement update(String table, List<ColumnMetadata> key, List<ColumnMetadata> set, @Nullable ColumnMetadata version,
            @Nullable ColumnMetadata touched, int rows) {
        List<ColumnMetadata> row = updateRow(key, set, version);
        StringBuilder values = new StringBuilder("(VALUES ");
        appendTuples(values, row.size(), rows);
        String match = write.matchedBy(keyAndVersion(key, version), "t.", c -> "v.column" + (row.indexOf(c) + 1));
        return updateFrom(table, set, c -> "v.column" + (row.indexOf(c) + 1), touched, version, values.append(") AS v").toString(), match,
                Slot.ROWS);
    }

    /** {@code INSERT … VALUES (…), (…) ON CONFLICT (k) DO UPDATE SET c = excluded.c}. */
    @Override
    public Statement upsert(String table, List<ColumnMetadata> columns, List<ColumnMetadata> conflict, List<ColumnMetadata> update,
            @Nullable ColumnMetadata version, int rows) {
        return new Statement(write.insertRows(table, columns, rows) + write.onConflict(conflict, update, version, "excluded.", ""),
                List.of(Slot.ROWS), false);
    }
}

package dev.modelrepo.dialect;

import java.util.List;

import dev.modelrepo.schema.ColumnMetadata;

/**
 * H2: inserts, updates and deletes as JDBC batches of one prepared single-row statement (in-process, so a batch
 * costs no round trips), upsert as standard {@code MERGE … USING (VALUES …)}, and keys through {@code FINAL TABLE}
 * per row. DELETE is a batch by key rather than {@code = ANY(?)}: H2 tests every row against the array (20,000 keys
 * out of 70,000 rows: 2.5 s against 0.3 s for the batch), where each batched DELETE is one index lookup.
 */
public class H2BulkSupport extends StandardBulkSupport {

    public H2BulkSupport(Dialect dialect) {
        super(dialect);
    }

    @Override
    public Statement delete(String table, List<ColumnMetadata> key, int rows) {
        return new Statement(write.deleteByKey(table, key, null, WriteSql.VersionMatch.NONE), valueSlots(key.size()), true);
    }
}

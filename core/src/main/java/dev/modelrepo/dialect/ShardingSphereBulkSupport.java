package dev.modelrepo.dialect;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;

/**
 * Bulk writes through Apache ShardingSphere-JDBC over PostgreSQL: only statements its router can split by the
 * sharding key. Inserts are single-row INSERTs in a JDBC batch (each routed to its shard; no COPY, which the engine
 * does not pass on, and no {@code INSERT … SELECT FROM unnest(…)}, which it cannot route), updates a batch of
 * single-row UPDATEs by key, deletes {@code IN} lists of keys, upserts multi-row {@code INSERT … VALUES … ON CONFLICT
 * … DO UPDATE}. No value travels as a JDBC array: its connections do not create them.
 */
public class ShardingSphereBulkSupport extends StandardBulkSupport {

    public ShardingSphereBulkSupport(Dialect dialect) {
        super(dialect);
    }

    @Override
    public int maxBindParameters() {
        return PostgresBulkSupport.MAX_BIND_PARAMETERS;
    }

    @Override
    public boolean failureAbortsTransaction() {
        return true;
    }

    /** {@code INSERT … VALUES (…), (…) ON CONFLICT (k) DO UPDATE SET c = EXCLUDED.c}. */
    @Override
    public Statement upsert(String table, List<ColumnMetadata> columns, List<ColumnMetadata> conflict, List<ColumnMetadata> update,
            @Nullable ColumnMetadata version, int rows) {
        return new Statement(write.insertRows(table + " AS t", columns, rows) + write.onConflict(conflict, update, version, "EXCLUDED.", "t."),
                List.of(Slot.ROWS), false);
    }
}

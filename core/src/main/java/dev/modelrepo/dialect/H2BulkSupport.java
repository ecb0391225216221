package dev.modelrepo.dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.ColumnMetadata;

/**
 * H2: inserts and updates as JDBC batches of one prepared statement (in-process, so a batch costs no round trips),
 * {@code DELETE … WHERE id = ANY(?)} with one array, upsert as standard {@code MERGE … USING (VALUES …)}, and keys
 * through {@code FINAL TABLE} per row.
 */
public class H2BulkSupport extends StandardBulkSupport {

    public H2BulkSupport(Dialect dialect) {
        super(dialect);
    }

    @Override
    public Statement delete(String table, ColumnMetadata key, int rows) {
        return new Statement("DELETE FROM " + table + " WHERE " + q(key) + " = ANY(?)", List.of(Slot.ARRAYS), false);
    }

    @Override
    public void bindArray(PreparedStatement ps, int index, ColumnMetadata column, @Nullable Object[] values) throws SQLException {
        dialect.arrayBinder(column.kind(), column).bind(ps, index, values);
    }
}

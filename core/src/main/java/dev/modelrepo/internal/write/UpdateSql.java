package dev.modelrepo.internal.write;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.schema.ColumnMetadata;

/** The UPDATE statement {@link ModelWriter} runs for one model, and the columns it reads back afterwards. */
final class UpdateSql {

    private UpdateSql() {
    }

    /** {@code UPDATE t SET c = ?, … [, version = version + 1] WHERE pk = ? [AND version = ? | IS NULL]}. */
    static String of(Dialect dialect, String table, List<ColumnMetadata> columns, ColumnMetadata pk, @Nullable ColumnMetadata version,
            boolean versionNull) {
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(dialect.quote(columns.get(i).storedName())).append(" = ?");
        }
        if (version != null) {
            String v = dialect.quote(version.storedName());
            sql.append(columns.isEmpty() ? "" : ", ").append(v).append(" = ").append(v).append(" + 1");
        }
        sql.append(" WHERE ").append(dialect.quote(pk.storedName())).append(" = ?");
        if (version != null) {
            sql.append(" AND ").append(dialect.quote(version.storedName())).append(versionNull ? " IS NULL" : " = ?");
        }
        return sql.toString();
    }

    /** The columns to read back after an UPDATE: only what the database may have changed (the version, values it rounds or normalizes). */
    static List<ColumnMetadata> readBack(List<ColumnMetadata> columns, @Nullable ColumnMetadata version) {
        List<ColumnMetadata> readBack = new ArrayList<>();
        for (ColumnMetadata column : columns) {
            if (ModelWriter.mayChangeWhenStored(column)) {
                readBack.add(column);
            }
        }
        if (version != null) {
            readBack.add(version);
        }
        return readBack;
    }
}

package dev.modelrepo.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.types.ColumnKind;

/**
 * The kinds of the keys a table's foreign-key columns reference, so that an {@code INT} column referencing a
 * {@code BIGINT} key (or SQLite's {@code INTEGER PRIMARY KEY}, a Long) reads as that key does and
 * {@code film.id().equals(filmActor.get("film_id"))} holds on every engine.
 */
final class ReferencedKeys {

    private ReferencedKeys() {
    }

    /** The referenced key column of one foreign-key column. */
    record Target(@Nullable String catalog, @Nullable String schema, String table, String column) {
    }

    /** The kind of each foreign-key column's referenced column, by the foreign-key column's stored name. */
    static Map<String, ColumnKind> kinds(Connection connection, MetadataConventions dialect, @Nullable String catalog,
            @Nullable String schema, String table) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        Map<String, Target> targets = new HashMap<>();
        try (ResultSet rs = md.getImportedKeys(catalog, schema, table)) {
            while (rs.next()) {
                targets.put(rs.getString("FKCOLUMN_NAME"), new Target(rs.getString("PKTABLE_CAT"), rs.getString("PKTABLE_SCHEM"),
                        rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME")));
            }
        }
        Map<String, ColumnKind> kinds = new HashMap<>();
        for (var entry : targets.entrySet()) {
            ColumnKind kind = kindOf(connection, dialect, entry.getValue());
            if (kind != null) {
                kinds.put(entry.getKey(), kind);
            }
        }
        return kinds;
    }

    /** The referenced kind when both are integer kinds (the only ones whose Java types differ for equal keys), else own. */
    static ColumnKind widened(ColumnKind own, @Nullable ColumnKind referenced) {
        return referenced != null && isInteger(own) && isInteger(referenced) ? referenced : own;
    }

    private static boolean isInteger(ColumnKind kind) {
        return kind == ColumnKind.INTEGER || kind == ColumnKind.BIGINT || kind == ColumnKind.BIGINT_UNSIGNED;
    }

    static @Nullable ColumnKind kindOf(Connection connection, MetadataConventions dialect, Target target)
            throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        Set<String> pk = MetadataReader.primaryKey(md, target.catalog(), target.schema(), target.table());
        Map<String, DeclaredType> declared = dialect.typeCatalog().declaredTypes(connection, target.catalog(), target.schema(),
                target.table());
        try (ResultSet rs = MetadataReader.columns(md, target.catalog(), target.schema(), target.table(),
                MetadataReader.escape(target.column(), md))) {
            while (rs.next()) {
                if (target.table().equals(rs.getString("TABLE_NAME")) && target.column().equals(rs.getString("COLUMN_NAME"))) {
                    return dialect.columnKind(MetadataReader.typeInfo(rs, pk, declared.get(target.column())));
                }
            }
        }
        return null;
    }
}

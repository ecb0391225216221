package dev.modelrepo.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The columns of a table's unique key or foreign key by its name, from {@link DatabaseMetaData}: for errors that name
 * a constraint but not its columns (PostgreSQL, MySQL and MariaDB name the unique key only). Only called when such an
 * error is reported, never on the way of a statement.
 */
public final class ConstraintColumns {

    private final MetadataConventions conventions;

    public ConstraintColumns(MetadataConventions conventions) {
        this.conventions = conventions;
    }

    /** The columns in key order and in lower case, empty when the table has no unique index or foreign key of that name. */
    public List<String> of(Connection connection, TableMetadata table, String constraint) throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        String catalog = conventions.metadataCatalog(connection);
        String schema = table.storedSchema() != null ? table.storedSchema() : conventions.metadataSchema(connection);
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet rs = md.getIndexInfo(catalog, schema, table.storedName(), true, true)) {
            while (rs.next()) {
                if (constraint.equalsIgnoreCase(rs.getString("INDEX_NAME")) && rs.getString("COLUMN_NAME") != null) {
                    columns.put((int) rs.getShort("ORDINAL_POSITION"), lower(rs.getString("COLUMN_NAME")));
                }
            }
        }
        if (columns.isEmpty()) {
            try (ResultSet rs = md.getImportedKeys(catalog, schema, table.storedName())) {
                while (rs.next()) {
                    if (constraint.equalsIgnoreCase(rs.getString("FK_NAME"))) {
                        columns.put((int) rs.getShort("KEY_SEQ"), lower(rs.getString("FKCOLUMN_NAME")));
                    }
                }
            }
        }
        return List.copyOf(columns.values());
    }

    private static String lower(@Nullable String name) {
        return String.valueOf(name).toLowerCase(Locale.ROOT);
    }
}

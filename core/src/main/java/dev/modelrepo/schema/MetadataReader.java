package dev.modelrepo.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;


/**
 * Reads a table's columns and primary key from {@link DatabaseMetaData}. Passes the connection's catalog and
 * schema (never null where the engine has them, which would list every schema), escapes {@code _} and
 * {@code %} in the patterns, and matches the table name case-insensitively while keeping the stored name.
 */
public final class MetadataReader {

    private final MetadataConventions dialect;

    public MetadataReader(MetadataConventions dialect) {
        this.dialect = dialect;
    }

    /** The table, or null when the database has no table or view of that name. */
    public @Nullable TableMetadata read(Connection connection, String tableName, @Nullable String schemaName)
            throws SQLException {
        DatabaseMetaData md = connection.getMetaData();
        String catalog = dialect.metadataCatalog(connection);
        String schema = schemaName != null ? schemaName : dialect.metadataSchema(connection);
        Found found = find(md, catalog, schema, tableName);
        if (found == null) {
            return null;
        }
        String escapedTable = escape(found.table, md);
        List<String> pk = primaryKey(md, found);
        List<ColumnMetadata> columns = new ArrayList<>();
        String schemaPattern = found.schema == null ? null : escape(found.schema, md);
        try (ResultSet rs = md.getColumns(found.catalog, schemaPattern, escapedTable, "%")) {
            while (rs.next()) {
                if (!found.table.equals(rs.getString("TABLE_NAME"))) {
                    continue;
                }
                String name = rs.getString("COLUMN_NAME");
                int jdbcType = rs.getInt("DATA_TYPE");
                String typeName = String.valueOf(rs.getString("TYPE_NAME"));
                int size = rs.getInt("COLUMN_SIZE");
                int scale = rs.getInt("DECIMAL_DIGITS");
                boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
                String defaultValue = rs.getString("COLUMN_DEF");
                boolean autoIncrement = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                boolean primaryKey = pk.contains(name);
                if (scale == 0) {
                    scale = declaredScale(typeName);
                }
                var kind = dialect.columnKind(new ColumnTypeInfo(jdbcType, typeName, size, scale, autoIncrement,
                        primaryKey && pk.size() == 1));
                columns.add(attached(new ColumnMetadata(name, jdbcType, typeName, size, scale, nullable,
                        defaultValue, autoIncrement, primaryKey, kind)));
            }
        }
        return new TableMetadata(found.table, schemaName != null ? found.schema : null, found.view, columns, pk);
    }

    /** The primary-key columns in key order (KEY_SEQ; a driver reporting none keeps its listing order). */
    private static List<String> primaryKey(DatabaseMetaData md, Found found) throws SQLException {
        List<Map.Entry<Integer, String>> key = new ArrayList<>();
        try (ResultSet rs = md.getPrimaryKeys(found.catalog, found.schema, found.table)) {
            while (rs.next()) {
                key.add(Map.entry(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME")));
            }
        }
        key.sort(Map.Entry.comparingByKey());
        return key.stream().map(Map.Entry::getValue).toList();
    }

    /**
     * A copy of a table described by hand instead of read (an offline registry's), whose columns get these
     * conventions' readers and binders; the described table is left as it is.
     */
    public TableMetadata prepare(TableMetadata described) {
        List<ColumnMetadata> columns = new ArrayList<>();
        for (ColumnMetadata c : described.columns()) {
            columns.add(attached(new ColumnMetadata(c.storedName(), c.jdbcType(), c.typeName(), c.size(), c.scale(),
                    c.nullable(), c.defaultValue(), c.autoIncrement(), c.primaryKey(), c.kind())));
        }
        return new TableMetadata(described.storedName(), described.storedSchema(), described.isView(), columns,
                described.primaryKey().stream().map(ColumnMetadata::storedName).toList());
    }

    private ColumnMetadata attached(ColumnMetadata column) {
        column.attach(dialect.reader(column.kind(), column), dialect.binder(column.kind(), column));
        return column;
    }

    private record Found(@Nullable String catalog, @Nullable String schema, String table, boolean view) {
    }

    private @Nullable Found find(DatabaseMetaData md, @Nullable String catalog, @Nullable String schema, String table)
            throws SQLException {
        Set<String> schemas = new LinkedHashSet<>();
        if (schema != null) {
            schemas.add(schema);
            schemas.add(schema.toUpperCase(Locale.ROOT));
            schemas.add(schema.toLowerCase(Locale.ROOT));
        }
        else {
            schemas.add("");
        }
        Set<String> names = new LinkedHashSet<>(List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT)));
        for (String s : schemas) {
            for (String name : names) {
                try (ResultSet rs = md.getTables(catalog, s.isEmpty() ? null : escape(s, md), escape(name, md), null)) {
                    while (rs.next()) {
                        String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                        String stored = rs.getString("TABLE_NAME");
                        if (stored.equalsIgnoreCase(table) && (type.contains("TABLE") || type.contains("VIEW"))
                                && !type.contains("SYSTEM")) {
                            return new Found(rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"), stored, type.contains("VIEW"));
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String escape(String pattern, DatabaseMetaData md) throws SQLException {
        String escape = md.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return pattern;
        }
        return pattern.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** The scale written in a declared type like {@code DECIMAL(12,2)}, for engines that do not report it. */
    private static int declaredScale(String typeName) {
        int open = typeName.indexOf('(');
        int comma = typeName.indexOf(',', open);
        int close = typeName.indexOf(')', comma);
        if (open < 0 || comma < 0 || close < 0) {
            return 0;
        }
        try {
            return Integer.parseInt(typeName.substring(comma + 1, close).trim());
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }
}

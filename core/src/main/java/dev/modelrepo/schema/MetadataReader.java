package dev.modelrepo.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueCoercion;


/**
 * Reads a table's columns and primary key from {@link DatabaseMetaData}, with what the dialect's {@link TypeCatalog}
 * says of their declared types, and gives a foreign-key column the kind of the key it references. Passes the connection's catalog and
 * schema (never null where the engine has them, which would list every schema), escapes {@code _} and
 * {@code %} in the patterns, and matches the table name case-insensitively while keeping the stored name.
 */
public final class MetadataReader {

    private final MetadataConventions dialect;

    private final ValueCoercion coercion;

    public MetadataReader(MetadataConventions dialect) {
        this(dialect, ValueCoercion.standard());
    }

    /** A reader whose columns convert given values with this coercion. */
    public MetadataReader(MetadataConventions dialect, ValueCoercion coercion) {
        this.dialect = dialect;
        this.coercion = coercion;
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
        Set<String> pk = primaryKey(md, found.catalog, found.schema, found.table);
        // Catalog queries run on the metadata's own connection, as DatabaseMetaData's do: what counts or observes the
        // application's statements sees no metadata reads.
        Connection catalogConnection = md.getConnection();
        Map<String, DeclaredType> declared = dialect.typeCatalog().declaredTypes(catalogConnection, found.catalog, found.schema,
                found.table);
        Map<String, ColumnKind> referenced = found.view ? Map.of()
                : ReferencedKeys.kinds(catalogConnection, dialect, found.catalog, found.schema, found.table);
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = columns(md, found.catalog, found.schema, found.table, "%")) {
            while (rs.next()) {
                if (found.table.equals(rs.getString("TABLE_NAME"))) {
                    rows.add(row(rs, pk, declared));
                }
            }
        }
        String rule = found.view ? null : dialect.insertRouting().blockingRule(catalogConnection, found.catalog, found.schema, found.table);
        return assemble(md, found, schemaName != null, pk, rows, referenced, rule);
    }

    /**
     * The tables of these names in one schema (the connection's when null), read schema-wide in a few catalog
     * queries where the dialect {@linkplain MetadataConventions#readsWholeSchemas() can} and they are a good share of
     * the schema's tables, else one by one: the same
     * metadata as {@link #read} gives. A name the database has no table or view of is left out.
     */
    public Map<String, TableMetadata> readAll(Connection connection, Collection<String> tableNames, @Nullable String schemaName)
            throws SQLException {
        Map<String, TableMetadata> tables = new LinkedHashMap<>();
        DatabaseMetaData md = connection.getMetaData();
        String catalog = dialect.metadataCatalog(connection);
        String schema = schemaName != null ? schemaName : dialect.metadataSchema(connection);
        SchemaSnapshot snapshot = dialect.readsWholeSchemas() ? SchemaSnapshot.read(md, dialect, this, catalog, schema, tableNames.size())
                : null;
        if (snapshot == null) {
            for (String name : tableNames) {
                TableMetadata table = read(connection, name, schemaName);
                if (table != null) {
                    tables.put(name, table);
                }
            }
            return tables;
        }
        for (String name : tableNames) {
            Found found = snapshot.find(name);
            if (found == null) {
                // another schema, or a name the snapshot spells differently: as read() finds it
                TableMetadata table = read(connection, name, schemaName);
                if (table != null) {
                    tables.put(name, table);
                }
                continue;
            }
            tables.put(name, assemble(md, found, schemaName != null, snapshot.primaryKey(found.table), snapshot.rows(found.table),
                    found.view ? Map.of() : snapshot.referencedKinds(md.getConnection(), found.table),
                    found.view ? null : snapshot.insertRule(md.getConnection(), found)));
        }
        return tables;
    }

    /** The metadata of a found table from its parts, with the columns the database writes itself detected. */
    private TableMetadata assemble(DatabaseMetaData md, Found found, boolean namedSchema, Set<String> pk, List<Row> rows,
            Map<String, ColumnKind> referenced, @Nullable String insertRule) throws SQLException {
        Set<String> reported = new HashSet<>();
        rows.stream().filter(Row::generated).forEach(r -> reported.add(r.name()));
        GeneratedColumnDetection.GeneratedColumns written = dialect.generatedColumns()
                .detect(md, found.catalog, found.schema, found.table, reported);
        List<ColumnMetadata> columns = new ArrayList<>();
        for (Row r : rows) {
            ColumnTypeInfo type = r.type();
            ColumnKind kind = ReferencedKeys.widened(dialect.columnKind(type), referenced.get(r.name()));
            columns.add(attached(new ColumnMetadata(r.name(), type.jdbcType(), type.typeName(), type.size(), type.scale(), r.nullable(),
                    r.defaultValue(), type.autoIncrement(), pk.contains(r.name()), kind, type.declared(),
                    written.generated().contains(r.name()), written.setOnUpdate().contains(r.name()))));
        }
        TableMetadata table = new TableMetadata(found.table, namedSchema ? found.schema : null, found.view, columns, List.copyOf(pk));
        return table.withInsertRule(insertRule);
    }

    /** The current column of a {@code getColumns} result, of a table with that key and those declared types. */
    Row row(ResultSet rs, Set<String> pk, Map<String, DeclaredType> declared) throws SQLException {
        String name = rs.getString("COLUMN_NAME");
        return new Row(name, typeInfo(rs, pk, declared.get(name)), rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                dialect.columnDefault(rs.getString("COLUMN_DEF")), "YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN")));
    }

    /** The primary-key columns of a table, by stored name, in key order (KEY_SEQ; a driver reporting none keeps its order). */
    static Set<String> primaryKey(DatabaseMetaData md, @Nullable String catalog, @Nullable String schema, String table)
            throws SQLException {
        List<Map.Entry<Integer, String>> key = new ArrayList<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                key.add(Map.entry(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME")));
            }
        }
        key.sort(Map.Entry.comparingByKey());
        Set<String> pk = new LinkedHashSet<>();
        key.forEach(e -> pk.add(e.getValue()));
        return pk;
    }

    /** {@link DatabaseMetaData#getColumns} of a table, its names escaped as patterns. */
    static ResultSet columns(DatabaseMetaData md, @Nullable String catalog, @Nullable String schema, String table,
            String columnPattern) throws SQLException {
        return md.getColumns(catalog, schema == null ? null : escape(schema, md), escape(table, md), columnPattern);
    }

    /** The type of the current column of a {@code getColumns} result; {@code declared} from the dialect's catalog. */
    static ColumnTypeInfo typeInfo(ResultSet rs, Set<String> pk, @Nullable DeclaredType declared) throws SQLException {
        String typeName = String.valueOf(rs.getString("TYPE_NAME"));
        int scale = rs.getInt("DECIMAL_DIGITS");
        if (scale == 0) {
            scale = declaredScale(typeName);
        }
        return new ColumnTypeInfo(rs.getInt("DATA_TYPE"), typeName, rs.getInt("COLUMN_SIZE"), scale,
                "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT")),
                pk.size() == 1 && pk.contains(rs.getString("COLUMN_NAME")),
                declared != null ? declared : DeclaredType.of(typeName));
    }

    /**
     * A copy of a table described by hand instead of read (an offline registry's), whose columns get these
     * conventions' readers and binders; the described table is left as it is.
     */
    public TableMetadata prepare(TableMetadata described) {
        List<ColumnMetadata> columns = new ArrayList<>();
        for (ColumnMetadata c : described.columns()) {
            columns.add(attached(new ColumnMetadata(c.storedName(), c.jdbcType(), c.typeName(), c.size(), c.scale(),
                    c.nullable(), c.defaultValue(), c.autoIncrement(), c.primaryKey(), c.kind(), c.declaredType(), c.generated(),
                    c.setOnUpdate())));
        }
        return new TableMetadata(described.storedName(), described.storedSchema(), described.isView(), columns,
                described.primaryKey().stream().map(ColumnMetadata::storedName).toList()).withInsertRule(described.insertRule());
    }

    /** One column of {@link DatabaseMetaData#getColumns}, before the generated columns are known. */
    record Row(String name, ColumnTypeInfo type, boolean nullable, @Nullable String defaultValue, boolean generated) {
    }

    private ColumnMetadata attached(ColumnMetadata column) {
        column.attach(dialect.reader(column.kind(), column), dialect.binder(column.kind(), column), coercion);
        return column;
    }

    /** A table or view as {@link DatabaseMetaData#getTables} lists it. */
    record Found(@Nullable String catalog, @Nullable String schema, String table, boolean view) {
    }

    private static @Nullable Found find(DatabaseMetaData md, @Nullable String catalog, @Nullable String schema, String table)
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

    static String escape(String pattern, DatabaseMetaData md) throws SQLException {
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

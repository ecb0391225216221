package dev.modelrepo.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.types.ColumnKind;

/**
 * One schema's tables, columns, keys, foreign keys and declared types, read in a handful of schema-wide catalog
 * queries instead of a few per table: what {@link MetadataReader#readAll} builds many tables' metadata from at start-up.
 */
final class SchemaSnapshot {

    private final MetadataConventions dialect;

    private final @Nullable String catalog;

    private final @Nullable String schema;

    /** Tables and views by stored name. */
    private final Map<String, MetadataReader.Found> tables = new HashMap<>();

    private final Map<String, Set<String>> primaryKeys = new HashMap<>();

    private final Map<String, List<MetadataReader.Row>> rows = new HashMap<>();

    private final Map<String, Map<String, ReferencedKeys.Target>> foreignKeys = new HashMap<>();

    private @Nullable Map<String, String> insertRules;

    private SchemaSnapshot(MetadataConventions dialect, @Nullable String catalog, @Nullable String schema) {
        this.dialect = dialect;
        this.catalog = catalog;
        this.schema = schema;
    }

    /**
     * Reading a schema's columns costs about a tenth of reading one table by itself, per table of the schema: a
     * snapshot is taken when at least this share of the schema's tables is wanted.
     */
    private static final int TABLES_PER_WANTED = 8;

    /** The snapshot of the schema, or null when {@code wanted} tables are too few of its tables to be worth it. */
    static @Nullable SchemaSnapshot read(DatabaseMetaData md, MetadataConventions dialect, MetadataReader reader, @Nullable String catalog,
            @Nullable String schema, int wanted) throws SQLException {
        Connection connection = md.getConnection();
        String pattern = schema == null ? null : MetadataReader.escape(schema, md);
        SchemaSnapshot snapshot = new SchemaSnapshot(dialect, catalog, schema);
        try (ResultSet rs = md.getTables(catalog, pattern, "%", null)) {
            while (rs.next()) {
                String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                if ((type.contains("TABLE") || type.contains("VIEW")) && !type.contains("SYSTEM")) {
                    String stored = rs.getString("TABLE_NAME");
                    snapshot.tables.putIfAbsent(stored, new MetadataReader.Found(rs.getString("TABLE_CAT"), rs.getString("TABLE_SCHEM"),
                            stored, type.contains("VIEW")));
                }
            }
        }
        if ((long) wanted * TABLES_PER_WANTED < snapshot.tables.size()) {
            return null;
        }
        Map<String, List<Map.Entry<Integer, String>>> keys = new HashMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, null)) {
            while (rs.next()) {
                keys.computeIfAbsent(rs.getString("TABLE_NAME"), t -> new ArrayList<>())
                        .add(Map.entry(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME")));
            }
        }
        keys.forEach((table, key) -> {
            key.sort(Map.Entry.comparingByKey());
            Set<String> pk = new LinkedHashSet<>();
            key.forEach(e -> pk.add(e.getValue()));
            snapshot.primaryKeys.put(table, pk);
        });
        try (ResultSet rs = md.getImportedKeys(catalog, schema, null)) {
            while (rs.next()) {
                snapshot.foreignKeys.computeIfAbsent(rs.getString("FKTABLE_NAME"), t -> new HashMap<>()).put(rs.getString("FKCOLUMN_NAME"),
                        new ReferencedKeys.Target(rs.getString("PKTABLE_CAT"), rs.getString("PKTABLE_SCHEM"), rs.getString("PKTABLE_NAME"),
                                rs.getString("PKCOLUMN_NAME")));
            }
        }
        snapshot.insertRules = dialect.insertRouting().blockingRulesOfSchema(connection, catalog, schema);
        Map<String, Map<String, DeclaredType>> declared = dialect.typeCatalog().declaredTypesOfSchema(connection, catalog, schema);
        Map<String, Map<String, DeclaredType>> perTable = new HashMap<>();
        try (ResultSet rs = md.getColumns(catalog, pattern, "%", "%")) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!snapshot.tables.containsKey(table)) {
                    continue;
                }
                Map<String, DeclaredType> types = declared != null ? declared.getOrDefault(table, Map.of()) : perTable.get(table);
                if (types == null) {
                    types = dialect.typeCatalog().declaredTypes(connection, catalog, schema, table);
                    perTable.put(table, types);
                }
                snapshot.rows.computeIfAbsent(table, t -> new ArrayList<>()).add(reader.row(rs, snapshot.primaryKey(table), types));
            }
        }
        return snapshot;
    }

    /** The table or view of that name, found as {@code MetadataReader} finds one: as given, upper case, lower case. */
    MetadataReader.@Nullable Found find(String name) {
        for (String candidate : List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
            MetadataReader.Found found = tables.get(candidate);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    Set<String> primaryKey(String table) {
        return primaryKeys.getOrDefault(table, Set.of());
    }

    List<MetadataReader.Row> rows(String table) {
        return rows.getOrDefault(table, List.of());
    }

    /** The referenced key's kind of each foreign-key column: from this snapshot when the key is in it, else read. */
    Map<String, ColumnKind> referencedKinds(Connection connection, String table) throws SQLException {
        Map<String, ColumnKind> kinds = new HashMap<>();
        for (var entry : foreignKeys.getOrDefault(table, Map.of()).entrySet()) {
            ReferencedKeys.Target target = entry.getValue();
            ColumnKind kind = inThisSchema(target) ? kindOf(target) : ReferencedKeys.kindOf(connection, dialect, target);
            if (kind != null) {
                kinds.put(entry.getKey(), kind);
            }
        }
        return kinds;
    }

    private boolean inThisSchema(ReferencedKeys.Target target) {
        MetadataReader.Found found = tables.get(target.table());
        return found != null && java.util.Objects.equals(found.schema(), target.schema())
                && java.util.Objects.equals(found.catalog(), target.catalog());
    }

    private @Nullable ColumnKind kindOf(ReferencedKeys.Target target) {
        for (MetadataReader.Row row : rows(target.table())) {
            if (row.name().equals(target.column())) {
                return dialect.columnKind(row.type());
            }
        }
        return null;
    }

    /** The rule that keeps INSERTs into the table from returning rows, or null. */
    @Nullable String insertRule(Connection connection, MetadataReader.Found found) throws SQLException {
        return insertRules != null ? insertRules.get(found.table())
                : dialect.insertRouting().blockingRule(connection, found.catalog(), found.schema(), found.table());
    }
}

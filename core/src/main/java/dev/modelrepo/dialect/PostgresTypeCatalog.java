package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.DeclaredType;
import dev.modelrepo.schema.TypeCatalog;
import dev.modelrepo.schema.TypeCategory;

/**
 * PostgreSQL's declared types from {@code pg_type}, one query per table: each column's type with its category (enum,
 * domain, composite, range, array, or a base type, text-like when its category is S) and, for a domain its base type,
 * for an array its element type. Names are schema-qualified where the type is not on the search path.
 */
final class PostgresTypeCatalog implements TypeCatalog {

    static final PostgresTypeCatalog INSTANCE = new PostgresTypeCatalog();

    private static final String COLUMNS = "SELECT a.attname, t.typname, t.typtype, t.typcategory,"
            + " pg_catalog.pg_type_is_visible(t.oid), tn.nspname,"
            + " b.typname, b.typtype, b.typcategory, pg_catalog.pg_type_is_visible(b.oid), bn.nspname, c.relname"
            + " FROM pg_catalog.pg_attribute a"
            + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace"
            + " LEFT JOIN pg_catalog.pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype"
            + " WHEN t.typcategory = 'A' THEN t.typelem END"
            + " LEFT JOIN pg_catalog.pg_namespace bn ON bn.oid = b.typnamespace"
            + " WHERE (n.nspname = ? OR (? IS NULL AND pg_catalog.pg_table_is_visible(c.oid)))"
            + " AND a.attnum > 0 AND NOT a.attisdropped";

    private static final String SQL = COLUMNS + " AND c.relname = ?";

    // tables, views and partitioned tables: what getTables lists
    private static final String SCHEMA_SQL = COLUMNS + " AND c.relkind IN ('r', 'v', 'm', 'p', 'f')";

    private PostgresTypeCatalog() {
    }

    @Override
    public Map<String, DeclaredType> declaredTypes(Connection connection, @Nullable String catalog, @Nullable String schema,
            String table) throws SQLException {
        Map<String, DeclaredType> types = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(SQL)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            ps.setString(3, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1), declared(rs));
                }
            }
        }
        return types;
    }

    @Override
    public Map<String, Map<String, DeclaredType>> declaredTypesOfSchema(Connection connection, @Nullable String catalog,
            @Nullable String schema) throws SQLException {
        Map<String, Map<String, DeclaredType>> tables = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(SCHEMA_SQL)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.computeIfAbsent(rs.getString(12), t -> new HashMap<>()).put(rs.getString(1), declared(rs));
                }
            }
        }
        return tables;
    }

    /** The declared type of the current column of either query. */
    private static DeclaredType declared(ResultSet rs) throws SQLException {
        DeclaredType base = rs.getString(7) == null ? null
                : new DeclaredType(name(rs.getString(7), rs.getBoolean(10), rs.getString(11)), category(rs.getString(8), rs.getString(9)),
                        null);
        TypeCategory category = category(rs.getString(3), rs.getString(4));
        String name = category == TypeCategory.ARRAY && base != null ? base.name() + "[]"
                : name(rs.getString(2), rs.getBoolean(5), rs.getString(6));
        return new DeclaredType(name, category, base);
    }

    /** pg_type's typtype and typcategory as a category. */
    private static TypeCategory category(String typtype, String typcategory) {
        return switch (typtype) {
            case "e" -> TypeCategory.ENUM;
            case "d" -> TypeCategory.DOMAIN;
            case "c" -> TypeCategory.COMPOSITE;
            case "r", "m" -> TypeCategory.RANGE;
            default -> switch (typcategory) {
                case "A" -> TypeCategory.ARRAY;
                case "S" -> TypeCategory.TEXT;
                default -> TypeCategory.BASE;
            };
        };
    }

    /** The name SQL can cast to: as it is when on the search path, else qualified; quoted where it must be. */
    private static String name(String typname, boolean visible, String schema) {
        return visible ? quoted(typname) : quoted(schema) + "." + quoted(typname);
    }

    private static String quoted(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier : '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

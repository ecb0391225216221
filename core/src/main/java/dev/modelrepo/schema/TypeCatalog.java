package dev.modelrepo.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a dialect reads what {@link java.sql.DatabaseMetaData} does not tell of declared types (PostgreSQL: enums,
 * domains and their base types, composites, ranges, array elements, from {@code pg_type}); one query per table, at
 * metadata time (one per schema where {@link #declaredTypesOfSchema} answers).
 */
@FunctionalInterface
public interface TypeCatalog {

    /** No catalog: every column's type is the base type {@code DatabaseMetaData} names. */
    TypeCatalog NONE = (connection, catalog, schema, table) -> Map.of();

    /**
     * The declared types of the table's columns, by column name as stored; a column left out is the
     * {@link DeclaredType#of base type} {@code DatabaseMetaData} names.
     */
    Map<String, DeclaredType> declaredTypes(Connection connection, @Nullable String catalog, @Nullable String schema,
            String table) throws SQLException;

    /**
     * The declared types of every table of a schema, by stored table name, then column name; null when this catalog
     * reads one table at a time (the default).
     */
    default @Nullable Map<String, Map<String, DeclaredType>> declaredTypesOfSchema(Connection connection, @Nullable String catalog,
            @Nullable String schema) throws SQLException {
        return null;
    }
}

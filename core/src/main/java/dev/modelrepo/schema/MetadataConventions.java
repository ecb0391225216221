package dev.modelrepo.schema;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ColumnReader;
import dev.modelrepo.types.ValueBinder;

/**
 * What the {@link MetadataReader} asks of a database's dialect: where its tables are listed, and which column kind,
 * reader and binder a declared column type gets. Every {@code Dialect} is one.
 */
public interface MetadataConventions {

    /** The kind of a column, from what {@link java.sql.DatabaseMetaData} says of its type. */
    ColumnKind columnKind(ColumnTypeInfo type);

    /** How values of this kind are read from a result set ({@code column} null for computed values). */
    ColumnReader reader(ColumnKind kind, @Nullable ColumnMetadata column);

    /** How values of this kind are bound to a statement. */
    ValueBinder binder(ColumnKind kind, @Nullable ColumnMetadata column);

    /** Where declared types are described beyond {@link java.sql.DatabaseMetaData}; none by default. */
    default TypeCatalog typeCatalog() {
        return TypeCatalog.NONE;
    }

    /** The catalog to pass to {@link java.sql.DatabaseMetaData} for tables of this connection. */
    @Nullable String metadataCatalog(Connection connection) throws SQLException;

    /** The schema to pass to {@link java.sql.DatabaseMetaData} for tables of this connection. */
    @Nullable String metadataSchema(Connection connection) throws SQLException;

    /** How this database tells which columns it generates or sets on update; the driver's word by default. */
    default GeneratedColumnDetection generatedColumns() {
        return GeneratedColumnDetection.STANDARD;
    }

    /**
     * A column's default as the database means it, from what {@code DatabaseMetaData} reports in {@code COLUMN_DEF}: null
     * when the column has none. As reported by default.
     */
    default @Nullable String columnDefault(@Nullable String reported) {
        return reported;
    }

    /**
     * Whether {@link MetadataReader#readAll} may read a whole schema in a few catalog queries (its driver's
     * {@code DatabaseMetaData} taking a null table for primary and imported keys) instead of a few per table.
     */
    default boolean readsWholeSchemas() {
        return false;
    }

    /** How this database tells that INSERTs into a table are rewritten so that RETURNING cannot run; never by default. */
    default InsertRouting insertRouting() {
        return InsertRouting.NONE;
    }
}

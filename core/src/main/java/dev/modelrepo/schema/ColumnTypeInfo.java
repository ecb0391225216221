package dev.modelrepo.schema;

/**
 * What {@link java.sql.DatabaseMetaData#getColumns} says of a column's type, the input to
 * {@link MetadataConventions#columnKind(ColumnTypeInfo)}.
 */
public record ColumnTypeInfo(int jdbcType, String typeName, int size, int scale, boolean autoIncrement,
        boolean solePrimaryKey) {
}

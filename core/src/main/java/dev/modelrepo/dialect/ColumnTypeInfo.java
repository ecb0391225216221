package dev.modelrepo.dialect;

/**
 * What {@link java.sql.DatabaseMetaData#getColumns} says of a column's type, the input to
 * {@link Dialect#columnKind(ColumnTypeInfo)}.
 */
public record ColumnTypeInfo(int jdbcType, String typeName, int size, int scale, boolean autoIncrement,
        boolean solePrimaryKey) {
}

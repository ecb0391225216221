package dev.modelrepo.schema;

/**
 * What {@link java.sql.DatabaseMetaData#getColumns} and the dialect's {@link TypeCatalog} say of a column's type, the
 * input to {@link MetadataConventions#columnKind(ColumnTypeInfo)}.
 */
public record ColumnTypeInfo(int jdbcType, String typeName, int size, int scale, boolean autoIncrement,
        boolean solePrimaryKey, DeclaredType declared) {

    /** A type {@code DatabaseMetaData} describes alone: its declared type is the base type of that name. */
    public ColumnTypeInfo(int jdbcType, String typeName, int size, int scale, boolean autoIncrement, boolean solePrimaryKey) {
        this(jdbcType, typeName, size, scale, autoIncrement, solePrimaryKey, DeclaredType.of(typeName));
    }
}

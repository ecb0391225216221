package dev.modelrepo.schema;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ColumnReader;
import dev.modelrepo.types.ValueCoercion;
import dev.modelrepo.types.ValueBinder;

/**
 * One column as the database describes it, with the reader and binder its dialect chose for it, so rows are
 * read and values bound without further metadata calls, and the coercion of its registry for the values given.
 */
public final class ColumnMetadata {

    private final String name;

    private final String storedName;

    private final int jdbcType;

    private final String typeName;

    private final int size;

    private final int scale;

    private final boolean nullable;

    private final @Nullable String defaultValue;

    private final boolean autoIncrement;

    private final boolean primaryKey;

    private final ColumnKind kind;

    private final DeclaredType declaredType;

    private final boolean generated;

    private final boolean setOnUpdate;

    private @Nullable ColumnReader reader;

    private @Nullable ValueBinder binder;

    private @Nullable ValueCoercion coercion;

    public ColumnMetadata(String storedName, int jdbcType, String typeName, int size, int scale, boolean nullable,
            @Nullable String defaultValue, boolean autoIncrement, boolean primaryKey, ColumnKind kind) {
        this(storedName, jdbcType, typeName, size, scale, nullable, defaultValue, autoIncrement, primaryKey, kind,
                DeclaredType.of(typeName), false, false);
    }

    /** A column whose declared type the dialect's {@link TypeCatalog} described. */
    public ColumnMetadata(String storedName, int jdbcType, String typeName, int size, int scale, boolean nullable,
            @Nullable String defaultValue, boolean autoIncrement, boolean primaryKey, ColumnKind kind,
            DeclaredType declaredType) {
        this(storedName, jdbcType, typeName, size, scale, nullable, defaultValue, autoIncrement, primaryKey, kind, declaredType,
                false, false);
    }

    /** A column the database may write itself: {@code generated} ({@link #generated()}), {@code setOnUpdate} ({@link #setOnUpdate()}). */
    public ColumnMetadata(String storedName, int jdbcType, String typeName, int size, int scale, boolean nullable,
            @Nullable String defaultValue, boolean autoIncrement, boolean primaryKey, ColumnKind kind, boolean generated,
            boolean setOnUpdate) {
        this(storedName, jdbcType, typeName, size, scale, nullable, defaultValue, autoIncrement, primaryKey, kind,
                DeclaredType.of(typeName), generated, setOnUpdate);
    }

    /** Every attribute: the declared type as the catalog describes it, and whether the database writes the column itself. */
    public ColumnMetadata(String storedName, int jdbcType, String typeName, int size, int scale, boolean nullable,
            @Nullable String defaultValue, boolean autoIncrement, boolean primaryKey, ColumnKind kind,
            DeclaredType declaredType, boolean generated, boolean setOnUpdate) {
        this.name = storedName.toLowerCase(java.util.Locale.ROOT).intern();   // a model's layout interns its names: found on identity
        this.storedName = storedName;
        this.jdbcType = jdbcType;
        this.typeName = typeName;
        this.size = size;
        this.scale = scale;
        this.nullable = nullable;
        this.defaultValue = defaultValue;
        this.autoIncrement = autoIncrement;
        this.primaryKey = primaryKey;
        this.kind = kind;
        this.declaredType = declaredType;
        this.generated = generated;
        this.setOnUpdate = setOnUpdate;
    }

    /** The column name in lower case, as reported everywhere. */
    public String name() {
        return name;
    }

    /** The name exactly as stored, used for quoting. */
    public String storedName() {
        return storedName;
    }

    public int jdbcType() {
        return jdbcType;
    }

    /** The declared type name as the database reports it. */
    public String typeName() {
        return typeName;
    }

    public int size() {
        return size;
    }

    public int scale() {
        return scale;
    }

    public boolean nullable() {
        return nullable;
    }

    public @Nullable String defaultValue() {
        return defaultValue;
    }

    public boolean autoIncrement() {
        return autoIncrement;
    }

    public boolean primaryKey() {
        return primaryKey;
    }

    public ColumnKind kind() {
        return kind;
    }

    /**
     * Whether the database computes this column from others (a generated column: PostgreSQL {@code attgenerated},
     * MySQL/MariaDB {@code VIRTUAL}/{@code STORED}/{@code PERSISTENT}, SQLite and H2 {@code GENERATED ALWAYS AS}): it
     * is never written, and read back after every insert and update.
     */
    public boolean generated() {
        return generated;
    }

    /** Whether the database sets this column on every UPDATE (MySQL/MariaDB and H2 {@code ON UPDATE CURRENT_TIMESTAMP}). */
    public boolean setOnUpdate() {
        return setOnUpdate;
    }

    /** The declared type as the catalog describes it (an enum, a domain, an array of …); a base type by default. */
    public DeclaredType declaredType() {
        return declaredType;
    }

    /** The reader for this column (set once when the metadata is loaded). */
    public ColumnReader reader() {
        return java.util.Objects.requireNonNull(reader, "reader not initialised");
    }

    /** The binder for values of this column (set once when the metadata is loaded). */
    public ValueBinder binder() {
        return java.util.Objects.requireNonNull(binder, "binder not initialised");
    }

    /** Attaches the dialect's reader and binder; called once by the metadata reader, before anyone sees the column. */
    void attach(ColumnReader reader, ValueBinder binder) {
        this.reader = reader;
        this.binder = binder;
    }

    /** Attaches the dialect's reader and binder and the registry's coercion; called once by the metadata reader. */
    void attach(ColumnReader reader, ValueBinder binder, ValueCoercion coercion) {
        attach(reader, binder);
        this.coercion = coercion;
    }

    /** How values given for this column are converted ({@link ValueCoercion#standard()} unless a registry chose one). */
    public ValueCoercion coercion() {
        ValueCoercion c = coercion;
        return c != null ? c : ValueCoercion.standard();
    }

    /**
     * A value given for this column (by {@code set}, a bulk row or a parameter) as this column's Java type.
     * @throws dev.modelrepo.types.ValueTypeException when the column cannot take it
     */
    public @Nullable Object convert(@Nullable Object value) {
        return coercion().convert(value, kind);
    }

    @Override
    public String toString() {
        return name + " " + typeName + (primaryKey ? " PK" : "") + (nullable ? "" : " NOT NULL")
                + (generated ? " GENERATED" : "") + (setOnUpdate ? " ON UPDATE" : "") + " (" + kind + ")";
    }
}

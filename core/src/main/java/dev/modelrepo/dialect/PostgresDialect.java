package dev.modelrepo.dialect;

import java.sql.Types;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.schema.ColumnTypeInfo;
import dev.modelrepo.schema.DeclaredType;
import dev.modelrepo.schema.InsertRouting;
import dev.modelrepo.schema.TypeCatalog;
import dev.modelrepo.types.ColumnReader;

/** PostgreSQL: array binds for IN lists, all four row-lock strengths, JSON and UUID as native types. */
public class PostgresDialect extends AnsiDialect {

    public static final PostgresDialect INSTANCE = new PostgresDialect();

    protected PostgresDialect() {
        this("postgresql");
    }

    /** For engines on PostgreSQL's wire protocol that differ in a few capabilities, under their own name. */
    protected PostgresDialect(String name) {
        super(name, "PostgreSQL");
    }

    @Override
    public InListStrategy inListStrategy() {
        return InListStrategy.ARRAY;
    }

    private static final NativeSqlSyntax SYNTAX = new NativeSqlSyntax(true, true, false, true);

    @Override
    public NativeSqlSyntax nativeSqlSyntax() {
        return SYNTAX;
    }

    /** pgjdbc streams with a fetch size only when autocommit is off (a server-side portal). */
    @Override
    public boolean cursorNeedsTransaction() {
        return true;
    }

    /** Enums, domains, composites, ranges and array elements from pg_type. */
    @Override
    public TypeCatalog typeCatalog() {
        return PostgresTypeCatalog.INSTANCE;
    }

    @Override
    public InsertRouting insertRouting() {
        return PostgresInsertRules.INSTANCE;
    }

    /** pgjdbc lists primary and imported keys of a whole schema for a null table. */
    @Override
    public boolean readsWholeSchemas() {
        return true;
    }

    @Override
    public ColumnKind columnKind(ColumnTypeInfo type) {
        ColumnKind declared = PostgresTypes.kindOf(type.declared());
        if (declared != null) {
            return declared;
        }
        String typeName = type.typeName().toLowerCase(Locale.ROOT);
        return switch (typeName) {
            case "bool" -> ColumnKind.BOOLEAN;
            case "timestamptz" -> ColumnKind.TIMESTAMP_TZ;
            case "timetz" -> ColumnKind.OTHER;
            default -> super.columnKind(type);
        };
    }

    /** Arrays of enums, domains or citext: elements as the text pgjdbc gives for them (a domain's PGobject as its value). */
    @Override
    public ColumnReader reader(ColumnKind kind, @Nullable ColumnMetadata column) {
        if (kind == ColumnKind.ARRAY && column != null && !PostgresTypes.hasBuiltInElements(column)) {
            return (rs, i) -> {
                Object[] array = (Object[]) readArray(rs, i);
                if (array != null) {
                    for (int e = 0; e < array.length; e++) {
                        array[e] = array[e] == null || array[e] instanceof String ? array[e] : array[e].toString();
                    }
                }
                return array;
            };
        }
        return super.reader(kind, column);
    }

    @Override
    public ValueBinder binder(ColumnKind kind, @Nullable ColumnMetadata column) {
        if (kind == ColumnKind.JSON) {
            return (ps, i, v) -> ps.setObject(i, v, Types.OTHER);
        }
        if (PostgresTypes.isCustomText(column)) {
            return PostgresTypes.textBinder(column);
        }
        if (kind == ColumnKind.ARRAY && column != null && !PostgresTypes.hasBuiltInElements(column)) {
            return PostgresTypes.ARRAY_LITERAL;
        }
        if (kind == ColumnKind.OTHER) {
            return PostgresDialect::bindUntyped;
        }
        return super.binder(kind, column);
    }

    /**
     * A value for a position nothing types (raw SQL, an unknown server type): text, Java enums by name, and arrays or
     * collections as array literals are sent untyped, so the server reads them as the type the position needs
     * ({@code text[] @> ?} takes a text[], not the varchar[] a String[] would be).
     */
    private static void bindUntyped(java.sql.PreparedStatement ps, int i, @Nullable Object v) throws java.sql.SQLException {
        if (v == null) {
            ps.setNull(i, Types.OTHER);
        }
        else if (v instanceof String || v instanceof Enum<?>) {
            ps.setObject(i, v instanceof Enum<?> e ? e.name() : v, Types.OTHER);
        }
        else if (v instanceof java.util.Collection<?> || (v.getClass().isArray() && !(v instanceof byte[]))) {
            PostgresTypes.ARRAY_LITERAL.bind(ps, i, v);
        }
        else {
            ps.setObject(i, v);
        }
    }

    /** IN lists on an enum, domain or citext column: one array literal the server reads as an array of the column's type. */
    @Override
    public ValueBinder arrayBinder(ColumnKind kind, @Nullable ColumnMetadata column) {
        return PostgresTypes.isCustomText(column) ? PostgresTypes.ARRAY_LITERAL : super.arrayBinder(kind, column);
    }

    @Override
    public String arrayElementType(ColumnKind kind, @Nullable ColumnMetadata column) {
        return switch (kind) {
            case INTEGER -> column != null && column.typeName().equalsIgnoreCase("int2") ? "int2" : "int4";
            case BIGINT -> "int8";
            case DECIMAL -> "numeric";
            case DOUBLE -> column != null && column.typeName().equalsIgnoreCase("float4") ? "float4" : "float8";
            case BOOLEAN -> "bool";
            case STRING -> PostgresTypes.isCustomText(column) ? PostgresTypes.castName(column) : "text";
            case JSON -> column != null ? column.typeName() : "jsonb";
            case DATE -> "date";
            case TIME -> "time";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_TZ -> "timestamptz";
            case BYTES -> "bytea";
            case UUID -> "uuid";
            case ARRAY -> arrayElement(column);
            case OTHER -> column != null ? column.typeName() : "text";
            case BIGINT_UNSIGNED -> "numeric";
            case SET -> "text";
        };
    }

    private static String arrayElement(@Nullable ColumnMetadata column) {
        if (column == null) {
            return "text";
        }
        DeclaredType element = column.declaredType().base();
        if (element != null && !PostgresTypes.castName(column).startsWith("_")) {
            return element.name();
        }
        return column.typeName().startsWith("_") ? column.typeName().substring(1) : "text";
    }

    @Override
    public String literal(@Nullable Object value) {
        if (value instanceof byte[] bytes) {
            return "'\\x" + java.util.HexFormat.of().formatHex(bytes) + "'::bytea";
        }
        return super.literal(value);
    }

    private final BulkSupport bulkSupport = new PostgresBulkSupport(this);

    @Override
    public BulkSupport bulk() {
        return bulkSupport;
    }

    private final LockClauses locks = LockClauses.rowLocks(name(), java.util.Map.of(RowLockStrength.UPDATE, "FOR UPDATE",
            RowLockStrength.SHARE, "FOR SHARE", RowLockStrength.NO_KEY_UPDATE, "FOR NO KEY UPDATE",
            RowLockStrength.KEY_SHARE, "FOR KEY SHARE"), true, java.util.Set.of(LockWaitPolicy.NOWAIT, LockWaitPolicy.SKIP_LOCKED))
            .notingBeginModes(" (a SQLite transaction mode)");

    /** Every row-lock strength, OF, NOWAIT and SKIP LOCKED. */
    @Override
    public LockClauses locks() {
        return locks;
    }

    /**
     * Serialization failure, deadlock, lock not available, and nothing else of class 40: {@code 40003} (statement
     * completion unknown, which CockroachDB reports for an ambiguous commit) may have committed, and {@code 40002} is a
     * constraint broken at commit, which a retry meets again.
     */
    private static final ConflictCodes CONFLICTS = ConflictCodes.ofSqlStates("40001", "40P01", "55P03");

    @Override
    public ConflictCodes conflictCodes() {
        return CONFLICTS;
    }

    @Override
    public ConstraintMessages constraintMessages() {
        return new PostgresConstraintMessages();
    }

    /** WAL positions ({@code pg_lsn}) of the primary and of a hot standby. */
    @Override
    public ReplicationPositions replication() {
        return PostgresReplicationPositions.INSTANCE;
    }
}

package dev.modelrepo.dialect;

import java.sql.Types;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.schema.ColumnTypeInfo;

/** PostgreSQL: array binds for IN lists, all four row-lock strengths, JSON and UUID as native types. */
public class PostgresDialect extends AnsiDialect {

    public static final PostgresDialect INSTANCE = new PostgresDialect();

    protected PostgresDialect() {
        super("postgresql", "PostgreSQL");
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

    @Override
    public ColumnKind columnKind(ColumnTypeInfo type) {
        String typeName = type.typeName().toLowerCase(Locale.ROOT);
        return switch (typeName) {
            case "bool" -> ColumnKind.BOOLEAN;
            case "timestamptz" -> ColumnKind.TIMESTAMP_TZ;
            case "timetz" -> ColumnKind.OTHER;
            default -> super.columnKind(type);
        };
    }

    @Override
    public ValueBinder binder(ColumnKind kind, @Nullable ColumnMetadata column) {
        if (kind == ColumnKind.JSON) {
            return (ps, i, v) -> ps.setObject(i, v, Types.OTHER);
        }
        if (kind == ColumnKind.OTHER) {
            // enums and other server types: let the server infer the type from the string form
            return (ps, i, v) -> {
                if (v == null) {
                    ps.setNull(i, Types.OTHER);
                }
                else if (v instanceof String || v instanceof Enum<?>) {
                    ps.setObject(i, v.toString(), Types.OTHER);
                }
                else {
                    ps.setObject(i, v);
                }
            };
        }
        return super.binder(kind, column);
    }

    @Override
    public String arrayElementType(ColumnKind kind, @Nullable ColumnMetadata column) {
        return switch (kind) {
            case INTEGER -> column != null && column.typeName().equalsIgnoreCase("int2") ? "int2" : "int4";
            case BIGINT -> "int8";
            case DECIMAL -> "numeric";
            case DOUBLE -> column != null && column.typeName().equalsIgnoreCase("float4") ? "float4" : "float8";
            case BOOLEAN -> "bool";
            case STRING -> "text";
            case JSON -> column != null ? column.typeName() : "jsonb";
            case DATE -> "date";
            case TIME -> "time";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_TZ -> "timestamptz";
            case BYTES -> "bytea";
            case UUID -> "uuid";
            case ARRAY -> column != null && column.typeName().startsWith("_") ? column.typeName().substring(1) : "text";
            case OTHER -> column != null ? column.typeName() : "text";
        };
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

    @Override
    public ConstraintMessages constraintMessages() {
        return new PostgresConstraintMessages();
    }
}

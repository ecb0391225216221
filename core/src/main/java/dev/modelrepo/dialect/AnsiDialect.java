package dev.modelrepo.dialect;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ColumnReader;
import dev.modelrepo.types.StandardReader;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.schema.ColumnTypeInfo;

/**
 * Standard SQL and JDBC 4.2 behaviour that the database dialects build on: double-quoted identifiers,
 * {@code LIMIT ? OFFSET ?}, {@code java.time} through {@code getObject/setObject}, and Spring's error-code
 * translation for the database.
 */
public abstract class AnsiDialect implements Dialect {

    private final String name;

    private final SQLExceptionTranslator translator;

    protected AnsiDialect(String name, String errorCodesDatabase) {
        this.name = name;
        this.translator = new SQLErrorCodeSQLExceptionTranslator(errorCodesDatabase);
        this.locks = LockClauses.rowLocks(name, Map.of(RowLockStrength.UPDATE, "FOR UPDATE"), false,
                Set.of(LockWaitPolicy.NOWAIT, LockWaitPolicy.SKIP_LOCKED));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public InListStrategy inListStrategy() {
        return InListStrategy.PADDED;
    }

    @Override
    public String limitOffset(@Nullable String limit, @Nullable String offset) {
        StringBuilder sb = new StringBuilder();
        if (limit != null) {
            sb.append(" LIMIT ").append(limit);
        }
        if (offset != null) {
            sb.append(" OFFSET ").append(offset);
        }
        return sb.toString();
    }

    private final LockClauses locks;

    /** The lock clauses of standard SQL: FOR UPDATE, NOWAIT and SKIP LOCKED. */
    @Override
    public LockClauses locks() {
        return locks;
    }

    /** What this database cannot do, as the exception raised before any SQL. */
    protected UnsupportedLockException unsupported(String what) {
        return new UnsupportedLockException(name, what);
    }

    @Override
    public ColumnKind columnKind(ColumnTypeInfo type) {
        String typeName = type.typeName().toLowerCase(Locale.ROOT);
        if (typeName.equals("uuid")) {
            return ColumnKind.UUID;
        }
        if (typeName.equals("json") || typeName.equals("jsonb")) {
            return ColumnKind.JSON;
        }
        return switch (type.jdbcType()) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> ColumnKind.INTEGER;
            case Types.BIGINT -> ColumnKind.BIGINT;
            case Types.DECIMAL, Types.NUMERIC -> ColumnKind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ColumnKind.DOUBLE;
            case Types.BOOLEAN -> ColumnKind.BOOLEAN;
            case Types.BIT -> type.size() <= 1 ? ColumnKind.BOOLEAN : ColumnKind.BYTES;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> ColumnKind.STRING;
            case Types.DATE -> ColumnKind.DATE;
            case Types.TIME -> ColumnKind.TIME;
            case Types.TIMESTAMP -> ColumnKind.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> ColumnKind.TIMESTAMP_TZ;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ColumnKind.BYTES;
            case Types.ARRAY -> ColumnKind.ARRAY;
            default -> ColumnKind.OTHER;
        };
    }

    @Override
    public ColumnReader reader(ColumnKind kind, @Nullable ColumnMetadata column) {
        return switch (kind) {
            case INTEGER -> StandardReader.INTEGER;
            case BIGINT -> StandardReader.BIGINT;
            case DECIMAL -> StandardReader.DECIMAL;
            case DOUBLE -> StandardReader.DOUBLE;
            case BOOLEAN -> StandardReader.BOOLEAN;
            case STRING, JSON -> StandardReader.STRING;
            case DATE -> StandardReader.DATE;
            case TIME -> StandardReader.TIME;
            case TIMESTAMP -> StandardReader.TIMESTAMP;
            case TIMESTAMP_TZ -> (rs, i) -> {
                OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
                return v == null ? null : v.withOffsetSameInstant(ZoneOffset.UTC);
            };
            case BYTES -> StandardReader.BYTES;
            case UUID -> (rs, i) -> {
                Object v = rs.getObject(i);
                return v == null || v instanceof UUID ? v : UUID.fromString(v.toString());
            };
            case ARRAY -> AnsiDialect::readArray;
            case BIGINT_UNSIGNED -> (rs, i) -> {
                Object v = rs.getObject(i);
                return v == null || v instanceof java.math.BigInteger ? v : new BigDecimal(v.toString()).toBigIntegerExact();
            };
            case SET -> StandardReader.STRING;
            case OTHER -> StandardReader.OBJECT;
        };
    }

    /** An SQL array as the Java array its driver gives ({@code Integer[]}, {@code String[]}, …). */
    protected static @Nullable Object readArray(java.sql.ResultSet rs, int i) throws SQLException {
        java.sql.Array array = rs.getArray(i);
        if (array == null) {
            return null;
        }
        try {
            return array.getArray();
        }
        finally {
            array.free();
        }
    }

    @Override
    public ValueBinder binder(ColumnKind kind, @Nullable ColumnMetadata column) {
        return switch (kind) {
            case INTEGER -> StandardBinders.INTEGER;
            case BIGINT -> StandardBinders.BIGINT;
            case DECIMAL -> (ps, i, v) -> ps.setBigDecimal(i, (BigDecimal) v);
            case DOUBLE -> StandardBinders.DOUBLE;
            case BOOLEAN -> StandardBinders.BOOLEAN;
            case STRING, JSON, SET -> (ps, i, v) -> ps.setString(i, (String) v);
            case BIGINT_UNSIGNED -> StandardBinders.BIGINT_UNSIGNED;
            case DATE -> nullable(Types.DATE);
            case TIME -> nullable(Types.TIME);
            case TIMESTAMP -> nullable(Types.TIMESTAMP);
            case TIMESTAMP_TZ -> nullable(Types.TIMESTAMP_WITH_TIMEZONE);
            case BYTES -> (ps, i, v) -> ps.setBytes(i, (byte[]) v);
            case UUID -> nullable(Types.OTHER);
            case ARRAY -> (ps, i, v) -> {
                if (v == null) {
                    ps.setNull(i, Types.ARRAY);
                }
                else {
                    ps.setArray(i, ps.getConnection().createArrayOf(arrayElementType(ColumnKind.ARRAY, column), (Object[]) v));
                }
            };
            case OTHER -> (ps, i, v) -> {
                if (v == null) {
                    ps.setNull(i, Types.NULL);
                }
                else {
                    ps.setObject(i, v);
                }
            };
        };
    }

    @Override
    public ValueBinder arrayBinder(ColumnKind kind, @Nullable ColumnMetadata column) {
        String type = kind == ColumnKind.OTHER && column == null ? null : arrayElementType(kind, column);
        return (ps, i, v) -> {
            Object[] items = (Object[]) v;
            String elementType = type != null ? type : arrayElementType(ColumnKind.ofValue(items.length == 0 ? null : items[0]), null);
            ps.setArray(i, ps.getConnection().createArrayOf(elementType, items));
        };
    }

    /** setObject for non-null values, setNull with the given SQL type otherwise. */
    protected static ValueBinder nullable(int sqlType) {
        return (ps, i, v) -> {
            if (v == null) {
                ps.setNull(i, sqlType);
            }
            else {
                ps.setObject(i, v);
            }
        };
    }

    @Override
    public String arrayElementType(ColumnKind kind, @Nullable ColumnMetadata column) {
        return switch (kind) {
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DECIMAL -> "NUMERIC";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case STRING, JSON, SET -> "VARCHAR";
            case BIGINT_UNSIGNED -> "NUMERIC";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
            case BYTES -> "VARBINARY";
            case UUID -> "UUID";
            case ARRAY, OTHER -> column != null ? column.typeName() : "VARCHAR";
        };
    }

    @Override
    public java.sql.PreparedStatement prepareCursor(Connection connection, String sql, int fetchSize) throws SQLException {
        java.sql.PreparedStatement ps = connection.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY,
                java.sql.ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(fetchSize);
        return ps;
    }

    /** Standard {@code RETURNING} (PostgreSQL, SQLite 3.35+; MariaDB 10.5+ for INSERT only). */
    @Override
    public @Nullable String insertReturning(String insertSql, String columns) {
        return insertSql + " RETURNING " + columns;
    }

    @Override
    public @Nullable String updateReturning(String updateSql, String columns) {
        return updateSql + " RETURNING " + columns;
    }

    @Override
    public String insertDefaults(String table) {
        return "INSERT INTO " + table + " DEFAULT VALUES";
    }

    private static final DateTimeFormatter TIME_LITERAL = DateTimeFormatter.ofPattern("HH:mm:ss[.SSSSSS]");

    @Override
    public String literal(@Nullable Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof Boolean b) {
            return booleanLiteral(b);
        }
        if (value instanceof byte[] bytes) {
            return "X'" + HexFormat.of().formatHex(bytes) + "'";
        }
        if (value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime
                || value instanceof OffsetDateTime) {
            return temporalLiteral((TemporalAccessor) value);
        }
        if (value instanceof Object[] array) {
            StringBuilder sb = new StringBuilder("ARRAY[");
            for (int i = 0; i < array.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(literal(array[i]));
            }
            return sb.append(']').toString();
        }
        return stringLiteral(value.toString());
    }

    protected String booleanLiteral(boolean value) {
        return value ? "TRUE" : "FALSE";
    }

    protected String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    protected String temporalLiteral(TemporalAccessor value) {
        if (value instanceof LocalDate d) {
            return "DATE '" + d + "'";
        }
        if (value instanceof LocalTime t) {
            return "TIME '" + TIME_LITERAL.format(t) + "'";
        }
        if (value instanceof LocalDateTime t) {
            return "TIMESTAMP '" + t.toLocalDate() + " " + TIME_LITERAL.format(t) + "'";
        }
        OffsetDateTime o = (OffsetDateTime) value;
        return "TIMESTAMP WITH TIME ZONE '" + o.toLocalDate() + " " + TIME_LITERAL.format(o) + o.getOffset() + "'";
    }

    @Override
    public @Nullable String metadataCatalog(Connection connection) throws SQLException {
        return connection.getCatalog();
    }

    @Override
    public @Nullable String metadataSchema(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    @Override
    public SQLExceptionTranslator exceptionTranslator() {
        return translator;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}

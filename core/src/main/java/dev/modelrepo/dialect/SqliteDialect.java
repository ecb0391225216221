package dev.modelrepo.dialect;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.SQLExceptionTranslator;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ColumnReader;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.schema.ColumnTypeInfo;

/**
 * SQLite: types come from the declared type name (SQLite stores by affinity), dates and times are stored as
 * sortable ISO text ({@code 2024-05-01 13:45:00.5}, the form of {@code CURRENT_TIMESTAMP}), offsets are
 * normalised to UTC, IN lists past 16,384 values go as one {@code json_each} array, and there are no row locks: the
 * lock is the transaction mode.
 */
public class SqliteDialect extends AnsiDialect {

    /** The dialect for a current SQLite (3.39 or later, as sqlite-jdbc bundles it). */
    public static final SqliteDialect INSTANCE = new SqliteDialect();

    /** Canonical text: seconds always, the fraction only as long as needed, so text order is time order. */
    static final DateTimeFormatter TIME_TEXT = new DateTimeFormatterBuilder().appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter(Locale.ROOT);

    static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ').append(TIME_TEXT).toFormatter(Locale.ROOT);

    private final SQLExceptionTranslator translator = new SqliteExceptionTranslator();

    private final JoinClauses joins;

    protected SqliteDialect() {
        this(JoinClauses.standard("sqlite"));
    }

    private SqliteDialect(JoinClauses joins) {
        super("sqlite", "SQLite");
        this.joins = joins;
    }

    /** The dialect for a library version: before 3.39, SQLite has no RIGHT and no FULL JOIN. */
    public static SqliteDialect forVersion(int major, int minor) {
        if (major > 3 || (major == 3 && minor >= 39)) {
            return INSTANCE;
        }
        String why = " before SQLite 3.39 (connected: " + major + "." + minor + ")";
        return new SqliteDialect(JoinClauses.standard("sqlite").without(JoinKind.RIGHT, why).without(JoinKind.FULL, why));
    }

    /** Every join from 3.39 on; no RIGHT and FULL JOIN before. */
    @Override
    public JoinClauses joins() {
        return joins;
    }

    @Override
    public InListSupport inLists() {
        return SqliteInList.INSTANCE;
    }

    /** {@code (a, b) IN (VALUES (?, ?), …)}: SQLite has no row-value IN list. */
    @Override
    public boolean rowValueInList() {
        return false;
    }

    @Override
    public String limitOffset(@Nullable String limit, @Nullable String offset) {
        if (limit == null && offset != null) {
            return " LIMIT -1 OFFSET " + offset;
        }
        return super.limitOffset(limit, offset);
    }

    /** RETURNING reports the row before AFTER triggers run, and SQLite triggers can only write after. */
    @Override
    public boolean returningSeesTriggerWrites() {
        return false;
    }

    private final LockClauses locks = LockClauses.transactionModes(name());

    /** No row locks: a lock is the mode the transaction begins in (immediate, exclusive, deferred). */
    @Override
    public LockClauses locks() {
        return locks;
    }

    @Override
    public @Nullable TransactionBeginMode transactionMode(Connection connection) throws java.sql.SQLException {
        return SqliteTransactionModes.get(connection);
    }

    @Override
    public void setTransactionMode(Connection connection, TransactionBeginMode mode) throws java.sql.SQLException {
        SqliteTransactionModes.set(connection, mode);
    }

    /**
     * sqlite-jdbc's commit and rollback begin the next transaction at once while autocommit is off; in
     * IMMEDIATE mode that BEGIN takes the write lock again (or waits for it and fails the already committed
     * transaction). Inside a Spring transaction, the connection is switched to DEFERRED just before completion,
     * so that BEGIN takes no lock, and its mode is restored afterwards ({@link SqliteCompletionGuard}). Outside
     * one, a connection a failed BEGIN left with autocommit off is put back in autocommit mode first.
     */
    @Override
    public void beforeStatement(Connection connection, javax.sql.DataSource dataSource) throws java.sql.SQLException {
        if (SqliteTransactionModes.driverAutoCommit(connection)) {
            return;   // not in a transaction: Spring turns autocommit off when it begins one
        }
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()
                && org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()
                && org.springframework.jdbc.datasource.DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
            SqliteCompletionGuard.register(connection);
        }
        else {
            // outside a transaction, on a connection a failed BEGIN left with autocommit off: writes must commit
            SqliteTransactionModes.restoreAutoCommit(connection);
        }
    }

    /** sqlite-jdbc's query timeout is a busy timeout only: a progress handler stops the statement at its deadline. */
    @Override
    public boolean driverEnforcesTimeouts() {
        return false;
    }

    @Override
    public AutoCloseable enforceTimeout(Connection connection, int seconds) throws java.sql.SQLException {
        return SqliteStatementDeadline.start(connection, seconds);
    }

    /** Connections whose failed BEGIN puts autocommit back (see {@link SqliteBeginGuard}). */
    @Override
    public javax.sql.DataSource transactionDataSource(javax.sql.DataSource dataSource) {
        return dataSource instanceof SqliteBeginGuard ? dataSource : new SqliteBeginGuard(dataSource);
    }

    @Override
    public ColumnKind columnKind(ColumnTypeInfo type) {
        String t = type.typeName().toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return integerKind(t, type.solePrimaryKey());
        }
        if (t.equals("YEAR")) {
            return ColumnKind.INTEGER;
        }
        if (t.startsWith("BOOL")) {
            return ColumnKind.BOOLEAN;
        }
        if (t.startsWith("DECIMAL") || t.startsWith("NUMERIC")) {
            return ColumnKind.DECIMAL;
        }
        if (t.startsWith("REAL") || t.startsWith("DOUBLE") || t.startsWith("FLOAT")) {
            return ColumnKind.DOUBLE;
        }
        if (t.startsWith("TIMESTAMPTZ") || t.contains("WITH TIME ZONE")) {
            return ColumnKind.TIMESTAMP_TZ;
        }
        if (t.startsWith("TIMESTAMP") || t.startsWith("DATETIME")) {
            return ColumnKind.TIMESTAMP;
        }
        if (t.startsWith("DATE")) {
            return ColumnKind.DATE;
        }
        if (t.startsWith("TIME")) {
            return ColumnKind.TIME;
        }
        if (t.equals("UUID")) {
            return ColumnKind.UUID;
        }
        if (t.startsWith("JSON")) {
            return ColumnKind.JSON;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return ColumnKind.STRING;
        }
        if (t.contains("BLOB") || t.contains("BINARY") || t.equals("BYTEA")) {
            return ColumnKind.BYTES;
        }
        return ColumnKind.OTHER;
    }

    /**
     * A rowid ({@code INTEGER PRIMARY KEY}) and BIGINT are Longs, other integers Integers; unsigned names as on MySQL
     * (INT UNSIGNED a Long), except that BIGINT UNSIGNED stays a Long: SQLite's integers are signed 64-bit.
     */
    private static ColumnKind integerKind(String t, boolean solePrimaryKey) {
        boolean rowid = solePrimaryKey && t.equals("INTEGER");
        if (rowid || t.startsWith("BIGINT") || t.contains("BIG INT")) {
            return ColumnKind.BIGINT;
        }
        boolean unsigned = t.contains("UNSIGNED");
        boolean narrow = t.startsWith("TINYINT") || t.startsWith("SMALLINT") || t.startsWith("MEDIUMINT");
        return unsigned && !narrow ? ColumnKind.BIGINT : ColumnKind.INTEGER;
    }

    @Override
    public ColumnReader reader(ColumnKind kind, @Nullable ColumnMetadata column) {
        return switch (kind) {
            case DECIMAL -> SqliteDecimals.reader(column == null ? -1 : column.scale());
            case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ -> new SqliteTemporalReader(kind, column);
            case UUID -> (rs, i) -> {
                String v = rs.getString(i);
                return v == null ? null : UUID.fromString(v);
            };
            default -> super.reader(kind, column);
        };
    }

    @Override
    public ValueBinder binder(ColumnKind kind, @Nullable ColumnMetadata column) {
        return switch (kind) {
            case DECIMAL -> (ps, i, v) -> {
                if (v == null) {
                    ps.setNull(i, Types.DECIMAL);
                }
                else {
                    ps.setString(i, ((BigDecimal) v).toPlainString());
                }
            };
            case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ, UUID -> text(textForm(kind));
            default -> super.binder(kind, column);
        };
    }

    /**
     * The text SQLite stores for values of a kind kept as text (dates, times, UUIDs; decimals are bound as text
     * too), or null for kinds bound as they are.
     */
    static java.util.function.@Nullable Function<Object, String> textForm(ColumnKind kind) {
        return switch (kind) {
            case DECIMAL -> v -> ((BigDecimal) v).toPlainString();
            case DATE -> Object::toString;
            case TIME -> v -> SqliteText.time((LocalTime) v);
            case TIMESTAMP -> v -> SqliteText.timestamp((LocalDateTime) v);
            case TIMESTAMP_TZ -> v -> TIMESTAMP_TEXT.format(((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime()) + "+00:00";
            case UUID -> Object::toString;
            default -> null;
        };
    }

    private static ValueBinder text(java.util.function.Function<Object, String> format) {
        return (ps, i, v) -> ps.setString(i, v == null ? null : format.apply(v));
    }

    @Override
    public String arrayElementType(ColumnKind kind, @Nullable ColumnMetadata column) {
        throw new UnsupportedOperationException("SQLite has no array binds");
    }

    @Override
    public ValueBinder arrayBinder(String elementType) {
        throw new UnsupportedTypeException(name(), "arrays (an array of " + elementType + " was asked for)");
    }

    @Override
    protected String booleanLiteral(boolean value) {
        return value ? "1" : "0";
    }

    @Override
    protected String temporalLiteral(java.time.temporal.TemporalAccessor value) {
        if (value instanceof LocalDateTime t) {
            return "'" + TIMESTAMP_TEXT.format(t) + "'";
        }
        if (value instanceof LocalTime t) {
            return "'" + TIME_TEXT.format(t) + "'";
        }
        return "'" + value + "'";
    }

    @Override
    public @Nullable String metadataCatalog(Connection connection) {
        // One database per connection; sqlite-jdbc ignores catalog and schema.
        return null;
    }

    @Override
    public @Nullable String metadataSchema(Connection connection) {
        return null;
    }

    @Override
    public SQLExceptionTranslator exceptionTranslator() {
        return translator;
    }

    private final BulkSupport bulkSupport = new SqliteBulkSupport(this);

    @Override
    public BulkSupport bulk() {
        return bulkSupport;
    }

    @Override
    public ConstraintMessages constraintMessages() {
        return new SqliteConstraintMessages();
    }
}

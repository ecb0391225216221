package dev.modelrepo.dialect;

import java.sql.Connection;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ColumnReader;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.schema.ColumnTypeInfo;

/**
 * MySQL 8: backtick quoting, padded IN lists, FOR UPDATE / FOR SHARE with OF, NOWAIT and SKIP LOCKED;
 * databases are JDBC catalogs.
 */
public class MySqlDialect extends AnsiDialect {

    public static final MySqlDialect INSTANCE = new MySqlDialect();

    /** MySQL's documented way to say "no limit" when only an offset is given. */
    private static final String NO_LIMIT = "18446744073709551615";

    protected MySqlDialect() {
        this("mysql");
    }

    protected MySqlDialect(String name) {
        super(name, "MySQL");
    }

    /** Backslash escapes in strings (unless the server runs with NO_BACKSLASH_ESCAPES). */
    private static final NativeSqlSyntax SYNTAX = new NativeSqlSyntax(false, false, true, false);

    @Override
    public NativeSqlSyntax nativeSqlSyntax() {
        return SYNTAX;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public String limitOffset(@Nullable String limit, @Nullable String offset) {
        if (limit == null && offset != null) {
            return " LIMIT " + NO_LIMIT + " OFFSET " + offset;
        }
        return super.limitOffset(limit, offset);
    }

    /** MySQL 8 has no RETURNING: generated keys and one follow-up SELECT. */
    @Override
    public @Nullable String insertReturning(String insertSql, String columns) {
        return null;
    }

    @Override
    public @Nullable String updateReturning(String updateSql, String columns) {
        return null;
    }

    /** The auto-increment key is in the OK packet of the INSERT: MariaDB's RETURNING would send a result set for it. */
    @Override
    public boolean prefersGeneratedKeys() {
        return true;
    }

    /** {@code TIMESTAMP} converts through the session's time zone; {@code DATETIME} stores the value as bound. */
    @Override
    public boolean storesTimestampsAsBound(ColumnMetadata column) {
        return !"TIMESTAMP".equalsIgnoreCase(column.typeName());
    }

    @Override
    public String insertDefaults(String table) {
        return "INSERT INTO " + table + " () VALUES ()";
    }

    /** MySQL Connector/J streams row by row only with fetch size {@code Integer.MIN_VALUE}. */
    @Override
    public java.sql.PreparedStatement prepareCursor(Connection connection, String sql, int fetchSize) throws java.sql.SQLException {
        java.sql.PreparedStatement ps = connection.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY,
                java.sql.ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(Integer.MIN_VALUE);
        return ps;
    }

    @Override
    public boolean streamingBlocksConnection() {
        return true;
    }

    /**
     * Besides the standard kinds: YEAR is an Integer, SET its own kind, spatial types WKB bytes, and unsigned integers
     * the next wider Java type (TINYINT/SMALLINT/MEDIUMINT UNSIGNED an Integer, INT UNSIGNED a Long, BIGINT UNSIGNED a
     * BigInteger).
     */
    @Override
    public ColumnKind columnKind(ColumnTypeInfo type) {
        String typeName = type.typeName().toLowerCase(Locale.ROOT);
        if (typeName.startsWith("tinyint") && type.size() == 1) {
            return ColumnKind.BOOLEAN;
        }
        if (typeName.equals("uuid")) {
            return ColumnKind.UUID;
        }
        if (typeName.equals("year")) {
            return ColumnKind.INTEGER;
        }
        if (typeName.equals("set")) {
            return ColumnKind.SET;
        }
        if (MySqlGeometry.is(typeName)) {
            return ColumnKind.BYTES;
        }
        if (typeName.endsWith(" unsigned")) {
            String signed = typeName.substring(0, typeName.length() - " unsigned".length());
            switch (signed) {
                case "tinyint", "smallint", "mediumint":
                    return ColumnKind.INTEGER;
                case "int", "integer":
                    return ColumnKind.BIGINT;
                case "bigint":
                    return ColumnKind.BIGINT_UNSIGNED;
                default:
                    break;
            }
        }
        return super.columnKind(type);
    }

    @Override
    public ColumnReader reader(ColumnKind kind, @Nullable ColumnMetadata column) {
        return kind == ColumnKind.BYTES && column != null && MySqlGeometry.is(column.typeName()) ? MySqlGeometry.READER
                : super.reader(kind, column);
    }

    @Override
    public ValueBinder binder(ColumnKind kind, @Nullable ColumnMetadata column) {
        if (kind == ColumnKind.UUID) {
            return (ps, i, v) -> ps.setString(i, v == null ? null : ((UUID) v).toString());
        }
        if (kind == ColumnKind.BYTES && column != null && MySqlGeometry.is(column.typeName())) {
            return MySqlGeometry.BINDER;
        }
        return super.binder(kind, column);
    }

    @Override
    public ValueBinder arrayBinder(String elementType) {
        throw new UnsupportedTypeException(name(), "arrays (an array of " + elementType + " was asked for)");
    }

    @Override
    public String arrayElementType(ColumnKind kind, @Nullable ColumnMetadata column) {
        throw new UnsupportedOperationException(name() + " has no array binds");
    }

    @Override
    protected String stringLiteral(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public @Nullable String metadataSchema(Connection connection) {
        // MySQL and MariaDB expose databases as catalogs; the schema argument must stay empty.
        return null;
    }

    private static final dev.modelrepo.schema.GeneratedColumnDetection GENERATED_COLUMNS = new MySqlGeneratedColumns();

    @Override
    public dev.modelrepo.schema.GeneratedColumnDetection generatedColumns() {
        return GENERATED_COLUMNS;
    }

    private final BulkSupport bulkSupport = new MySqlBulkSupport(this);

    @Override
    public BulkSupport bulk() {
        return bulkSupport;
    }

    private final JoinClauses joins = JoinClauses.standard(name()).without(JoinKind.FULL, "");

    /** Every join but FULL. */
    @Override
    public JoinClauses joins() {
        return joins;
    }

    private final LockClauses locks = LockClauses.rowLocks(name(), java.util.Map.of(RowLockStrength.UPDATE, "FOR UPDATE",
            RowLockStrength.SHARE, "FOR SHARE"), true, java.util.Set.of(LockWaitPolicy.NOWAIT, LockWaitPolicy.SKIP_LOCKED));

    /** FOR UPDATE and FOR SHARE, OF, NOWAIT and SKIP LOCKED (MySQL 8). */
    @Override
    public LockClauses locks() {
        return locks;
    }

    /** Connector/J and MariaDB's driver name the generated key GENERATED_KEY / insert_id: it is their only column. */
    @Override
    public int generatedKeyColumn(java.sql.ResultSet keys, ColumnMetadata key) {
        return 1;
    }

    /** An auto-increment key comes back as a BigInteger (BIGINT UNSIGNED); the key column takes a long. */
    @Override
    public @Nullable Object generatedKey(java.sql.ResultSet keys, int column) throws java.sql.SQLException {
        Object value = keys.getObject(column);
        return value instanceof java.math.BigInteger big ? big.longValue() : value;
    }

    @Override
    public ConstraintMessages constraintMessages() {
        return new MySqlConstraintMessages();
    }

    /**
     * Deadlock (1213), lock wait timeout (1205), NOWAIT (3572), a group-replication transaction rolled back at commit
     * (3101), and SQLSTATE 40001; MariaDB and Galera report their certification conflicts as 1213.
     */
    private static final ConflictCodes CONFLICTS = ConflictCodes.ofVendorCodes(1213, 1205, 3572, 3101).andSqlStates("40001");

    @Override
    public ConflictCodes conflictCodes() {
        return CONFLICTS;
    }
}

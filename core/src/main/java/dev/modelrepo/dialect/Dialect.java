package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.support.SQLExceptionTranslator;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.schema.MetadataConventions;

/**
 * Everything that differs between databases: quoting, paging, IN-list strategy, lock clauses, how each
 * {@link ColumnKind} is bound and read, and exception translation. One implementation per database, each
 * with an {@code INSTANCE}; {@link AnsiDialect} holds the standard behaviour they override.
 */
public interface Dialect extends MetadataConventions {

    /**
     * The dialect's name as used in metrics and {@code modelrepo.dialect}: postgresql, mysql, mariadb, h2, sqlite,
     * cockroachdb, yugabytedb, tidb, shardingsphere-postgresql.
     */
    String name();

    /** Quotes one identifier exactly as stored, doubling the quote character inside it. */
    String quote(String identifier);

    /** How collections bound to {@code in} are sent: the form of small lists. */
    InListStrategy inListStrategy();

    /**
     * How an IN list of each size is written and bound, including lists beyond the engine's limits on arrays or
     * bind parameters. By default every list takes the {@link #inListStrategy()} form whatever its size.
     */
    default InListSupport inLists() {
        return InListSupport.unlimited(inListStrategy());
    }

    /**
     * Whether a row value can be tested against a list of row values, {@code (a, b) IN ((?, ?), …)}, as the keys of a
     * composite primary key are. SQLite tests a row value only against a subquery, so there the list is a VALUES table.
     */
    default boolean rowValueInList() {
        return true;
    }

    /**
     * The paging clause for already rendered limit and offset expressions (usually {@code ?}), or an empty
     * string when both are absent. Starts with a space when not empty.
     */
    String limitOffset(@Nullable String limit, @Nullable String offset);

    /**
     * The column of {@code keys} (a statement's generated keys) that holds {@code key}: found by name, or the only
     * one where the driver names it otherwise.
     */
    default int generatedKeyColumn(java.sql.ResultSet keys, ColumnMetadata key) throws SQLException {
        try {
            return keys.findColumn(key.storedName());
        }
        catch (SQLException notByName) {
            return 1;
        }
    }

    /** The generated key in that column of the current row, as the key column's converter takes it. */
    default @Nullable Object generatedKey(java.sql.ResultSet keys, int column) throws SQLException {
        return keys.getObject(column);
    }

    /** How values of contains/startsWith/endsWith are escaped for LIKE ({@code !} by default). */
    default LikeEscaper likeEscaper() {
        return LikeEscaper.BANG;
    }

    /** How a statement keeps the rows whose key a subquery selects (writes by a joined or paged query, pages of parents). */
    default KeySubquery keySubquery() {
        return KeySubquery.derivedTable(this::quote);
    }

    /** The kinds of join this database can write: all of standard SQL's unless the dialect says otherwise. */
    default JoinClauses joins() {
        return JoinClauses.standard(name());
    }

    /** The lock clauses this database can append to a SELECT (or, SQLite, its transaction begin modes). */
    LockClauses locks();

    /** The lock clause appended to a SELECT, starting with a space; refused before any SQL when not possible. */
    default String lockClause(LockRequest lock) {
        return locks().render(lock, this::quote);
    }

    /**
     * The binder of an IN list sent as one array (ARRAY strategy): elements of this kind, typed by the column
     * when known, else by the Java type of the first element.
     */
    ValueBinder arrayBinder(ColumnKind kind, @Nullable ColumnMetadata column);

    /**
     * The binder of a Java array or collection sent as an SQL array of this element type, for positions nothing types
     * ({@code Q.array}); raises {@link UnsupportedTypeException} before any SQL where the database has no arrays.
     */
    default ValueBinder arrayBinder(String elementType) {
        return (ps, i, v) -> {
            if (v == null) {
                ps.setNull(i, java.sql.Types.ARRAY);
            }
            else {
                ps.setArray(i, ps.getConnection().createArrayOf(elementType, (Object[]) v));
            }
        };
    }

    /** The SQL element type name for an array of values of the column (ARRAY strategy only). */
    String arrayElementType(ColumnKind kind, @Nullable ColumnMetadata column);

    /**
     * The INSERT wrapped so that it returns these (quoted) columns of the stored row, or null when the database
     * cannot (then generated keys and one follow-up SELECT are used).
     */
    @Nullable String insertReturning(String insertSql, String columns);

    /** The UPDATE wrapped so that it returns these columns of the updated row, or null when the database cannot. */
    @Nullable String updateReturning(String updateSql, String columns);

    /**
     * Whether {@link #insertReturning} and {@link #updateReturning} report the values triggers wrote into the row. Not
     * on SQLite, whose triggers write with their own UPDATE after the statement's RETURNING was computed: columns a
     * model names in {@code @Table(readBack)} are then read with a SELECT after the statement.
     */
    default boolean returningSeesTriggerWrites() {
        return true;
    }

    /**
     * Whether an INSERT that reads back nothing but its auto-increment key takes the key from the driver's generated
     * keys rather than {@link #insertReturning}: where the driver has the key without running a query (H2, MariaDB's
     * OK packet), as JdbcTemplate's {@code KeyHolder} takes it. Not by default: PostgreSQL's driver would append the
     * same RETURNING, and SQLite's asks for the last row id with a query of its own.
     */
    default boolean prefersGeneratedKeys() {
        return false;
    }

    /**
     * Whether a {@code LocalDateTime} bound to this TIMESTAMP column is stored as it is when it has no more fractional
     * digits than the column keeps (so an INSERT or UPDATE need not read it back). Not MySQL's and MariaDB's
     * {@code TIMESTAMP}, which converts from and to the session's time zone (a time in its daylight-saving gap moves).
     */
    default boolean storesTimestampsAsBound(ColumnMetadata column) {
        return true;
    }

    /** An INSERT of a row where every column takes its default. */
    String insertDefaults(String table);

    /**
     * Prepares a statement whose result set streams rows instead of buffering them all (fetch size, and
     * for MySQL Connector/J its streaming marker). PostgreSQL additionally needs autocommit off, which
     * {@link #cursorNeedsTransaction()} tells.
     */
    java.sql.PreparedStatement prepareCursor(Connection connection, String sql, int fetchSize) throws SQLException;

    /** Whether a streaming cursor only streams inside a transaction (autocommit off): PostgreSQL. */
    default boolean cursorNeedsTransaction() {
        return false;
    }

    /**
     * Whether an open streaming result blocks every other statement on its connection (MySQL and MariaDB
     * drivers): modelrepo then refuses such statements with a clear error instead of letting the driver
     * fail or buffer the rest of the stream in memory.
     */
    default boolean streamingBlocksConnection() {
        return false;
    }

    /** The mode transactions on this connection begin in (SQLite); null where locks are row locks. */
    default @Nullable TransactionBeginMode transactionMode(Connection connection) throws SQLException {
        return null;
    }

    /** Makes transactions on this connection begin in this mode (SQLite). */
    default void setTransactionMode(Connection connection, TransactionBeginMode mode) throws SQLException {
        throw new UnsupportedLockException(name(), "transaction lock modes (" + mode + ")");
    }

    /**
     * Called before each statement modelrepo runs on a connection of {@code dataSource} (inside or outside a
     * transaction), for engines whose driver needs help around transaction boundaries (SQLite). Does nothing by
     * default.
     */
    default void beforeStatement(Connection connection, javax.sql.DataSource dataSource) throws SQLException {
    }

    /** Whether the driver stops a statement at its {@code setQueryTimeout}; where not (SQLite), see {@link #enforceTimeout}. */
    default boolean driverEnforcesTimeouts() {
        return true;
    }

    /**
     * Makes the engine stop a statement on this connection after {@code seconds}, for drivers whose
     * {@code setQueryTimeout} does not ({@link #driverEnforcesTimeouts()} false); returns what ends that watch
     * after the statement.
     */
    default AutoCloseable enforceTimeout(Connection connection, int seconds) throws SQLException {
        throw new UnsupportedOperationException(name() + ": its driver enforces statement timeouts itself");
    }

    /**
     * The DataSource a transaction manager that modelrepo creates should use: the given one, or (SQLite) a wrapper
     * whose connections survive a BEGIN that fails. Use it for your own transaction manager on such an engine:
     * {@code new JdbcTransactionManager(dialect.transactionDataSource(dataSource))}.
     */
    default javax.sql.DataSource transactionDataSource(javax.sql.DataSource dataSource) {
        return dataSource;
    }

    /** The quoting forms and operators that decide where a {@code :name} in native SQL is a parameter. */
    default NativeSqlSyntax nativeSqlSyntax() {
        return NativeSqlSyntax.STANDARD;
    }

    /** A SQL literal for a value, for {@code toSql} debugging output only: never for executed SQL. */
    String literal(@Nullable Object value);

    /**
     * Whether this database's error is a conflict another attempt may not meet (a lock not acquired, a busy
     * database, a deadlock, a serialization failure), as the translator classifies it: for errors Spring leaves
     * untranslated, such as a BEGIN that failed.
     */
    default boolean isConflict(SQLException ex) {
        ConflictCodes codes = conflictCodes();
        if (codes != null) {
            return codes.matches(ex);
        }
        return exceptionTranslator().translate("classify", null, ex) instanceof org.springframework.dao.ConcurrencyFailureException;
    }

    /**
     * The errors {@link #isConflict} takes for conflicts, listed exactly; null to ask the translator instead (every
     * error it turns into a {@code ConcurrencyFailureException}).
     */
    default @Nullable ConflictCodes conflictCodes() {
        return null;
    }

    /** Translates this database's {@link SQLException}s into Spring's {@code DataAccessException}s. */
    SQLExceptionTranslator exceptionTranslator();

    /** How this database's errors name a broken constraint (read by {@link #constraintViolation(Throwable)}). */
    default ConstraintMessages constraintMessages() {
        return ConstraintMessages.NONE;
    }

    /**
     * The constraint an error (a {@code DuplicateKeyException}, a {@code DataIntegrityViolationException}, a bulk
     * failure) reports, read from the first {@link SQLException} among its causes; null when it reports none.
     */
    default @Nullable ConstraintViolation constraintViolation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                ConstraintViolation violation = constraintMessages().parse(sql);
                if (violation != null) {
                    return violation;
                }
            }
        }
        return null;
    }

    /**
     * The bulk-write strategy: multi-row SQL shapes, bind and packet limits, the fastest insert path and how a failed
     * row is found. A portable JDBC-batch strategy unless the dialect has a better one.
     */
    default BulkSupport bulk() {
        return new StandardBulkSupport(this);
    }

    /**
     * How this database reports replication positions (the primary's WAL position, a standby's replayed one), for
     * read replicas and read-your-writes; null where modelrepo does not know them.
     */
    default @Nullable ReplicationPositions replication() {
        return null;
    }
}

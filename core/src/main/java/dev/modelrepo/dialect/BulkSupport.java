package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;

/**
 * The bulk-write strategy of one database: the SQL shapes of multi-row INSERT, UPDATE, DELETE and upsert, how
 * their values are bound, the limits that size their chunks, the fastest insert path, and how to find the failing
 * row of a failed statement. Statements are rendered for a number of rows; the bulk engine chunks, binds and runs
 * them. Tables and columns arrive as metadata; the strategy quotes them with its dialect.
 */
public interface BulkSupport {

    /** How {@code insertBulk} sends rows. */
    enum InsertMethod {
        /** A copy protocol ({@link #copyIn}), falling back to {@link #insert} where the connection has none. */
        COPY,
        /** One multi-row statement per chunk. */
        MULTI_ROW,
        /** One single-row prepared statement, run as a JDBC batch per chunk. */
        BATCH
    }

    /** How {@code insertAll} gets each model its generated key and stored row, never pairing rows by position. */
    enum KeyMethod {
        /** Keys taken from the key's sequence first, then one multi-row INSERT … RETURNING matched by key. */
        PREALLOCATE,
        /** One prepared INSERT … RETURNING run once per row (embedded engines: no round trips). */
        RETURNING_PER_ROW,
        /** One prepared single-row INSERT run as a JDBC batch with generated keys (in batch order), then a SELECT by key. */
        BATCH_KEYS
    }

    /** One bind slot of a statement, in placeholder order. */
    record Slot(SlotType type, int index) {

        public static final Slot ROWS = new Slot(SlotType.ROWS, 0);

        public static final Slot ARRAYS = new Slot(SlotType.ARRAYS, 0);

        public static Slot value(int column) {
            return new Slot(SlotType.ROW_VALUE, column);
        }

        public static Slot scalar(int index) {
            return new Slot(SlotType.SCALAR, index);
        }
    }

    /** What a slot binds. */
    enum SlotType {
        /** The values of every row, row by row, each row's values in column order. */
        ROWS,
        /** One array per column, holding that column's values of every row ({@link #bindArray}). */
        ARRAYS,
        /** One value of the (single) row of a batched statement: the column at {@code index}. */
        ROW_VALUE,
        /** One value shared by all rows (e.g. {@code updated_at}): the scalar at {@code index}. */
        SCALAR
    }

    /** A statement for some rows: its SQL, its binds in placeholder order, and whether it runs once per row in a batch. */
    record Statement(String sql, List<Slot> slots, boolean batched) {

        /** Whether the statement binds every row's values separately (and so counts against the bind limit). */
        public boolean bindsPerRow() {
            return !batched && slots.contains(Slot.ROWS);
        }
    }

    /** The converted values of the rows of a failed statement, for {@link #failedRow}. */
    interface Rows {

        int size();

        @Nullable Object value(int row, int column);
    }

    /** Converted rows handed to {@link #copyIn} one at a time. */
    interface RowCursor {

        /** Fills {@code values} with the next row's converted values; false at the end. */
        boolean next(@Nullable Object[] values);
    }

    /** The most bind parameters one statement may carry. */
    int maxBindParameters();

    /**
     * Rows per statement of {@link SlotType#ARRAYS} shapes when no batch size was given: such a statement binds one
     * array per column whatever its row count, so bigger chunks only save round trips (on PostgreSQL, deleting
     * 10,000 rows took 10 ms in one statement against 16 ms in ten).
     */
    default int arrayStatementRows() {
        return 10_000;
    }

    /**
     * Rows per JDBC batch of batched shapes when no batch size was given, or 0 for the default batch size. A driver
     * that sends a batch as one statement gains from bigger batches: fewer round trips, each waited for.
     */
    default int batchStatementRows() {
        return 0;
    }

    /**
     * Rows per {@link SlotType#ARRAYS} delete when no batch size was given: a delete binds only the key's arrays, so
     * a dialect may take more rows per statement than {@link #arrayStatementRows()} allows the wider updates.
     */
    default int arrayDeleteRows() {
        return arrayStatementRows();
    }

    /** The most elements one array bind may hold ({@link SlotType#ARRAYS} shapes are chunked to it). */
    default int maxArrayLength() {
        return Integer.MAX_VALUE;
    }

    /** The query that reads the largest packet (bytes) the server accepts, read once per repository; null when none applies. */
    default @Nullable String packetLimitQuery() {
        return null;
    }

    InsertMethod insertMethod();

    KeyMethod keyMethod();

    /**
     * Streams the rows through the database's copy protocol on this connection and returns how many were stored,
     * or -1 when the connection offers no copy protocol (then {@link #insert} is used).
     */
    default long copyIn(Connection connection, String table, List<ColumnMetadata> columns, RowCursor rows) throws SQLException {
        return -1;
    }

    /** INSERT of {@code rows} rows of these columns. */
    Statement insert(String table, List<ColumnMetadata> columns, int rows);

    /**
     * INSERT of {@code rows} rows of these columns returning the {@code returning} columns of each stored row
     * (for {@link KeyMethod#PREALLOCATE}: rows are matched to models by their key, never by position).
     */
    default Statement insertReturning(String table, List<ColumnMetadata> columns, List<ColumnMetadata> returning, int rows) {
        throw new UnsupportedOperationException("multi-row INSERT … RETURNING");
    }

    /**
     * The query allocating keys from the sequence of the key column: binds the table (quoted, as text), the column
     * name and the number of keys; null when keys cannot be allocated ahead.
     */
    default @Nullable String allocateKeys() {
        return null;
    }

    /**
     * UPDATE of {@code rows} rows by key (one column, or several for a composite key). Row values: the key columns, the
     * {@code set} columns, then the version when given (matched, then incremented). {@code touched} (updated_at), when
     * given, is set to scalar 0 on every row.
     */
    Statement update(String table, List<ColumnMetadata> key, List<ColumnMetadata> set, @Nullable ColumnMetadata version,
            @Nullable ColumnMetadata touched, int rows);

    /** {@link #update(String, List, List, ColumnMetadata, ColumnMetadata, int)} by a single-column key. */
    default Statement update(String table, ColumnMetadata key, List<ColumnMetadata> set, @Nullable ColumnMetadata version,
            @Nullable ColumnMetadata touched, int rows) {
        return update(table, List.of(key), set, version, touched, rows);
    }

    /** DELETE of {@code rows} keys (one column, or several for a composite key). Row values: the key columns. */
    Statement delete(String table, List<ColumnMetadata> key, int rows);

    /** {@link #delete(String, List, int)} by a single-column key. */
    default Statement delete(String table, ColumnMetadata key, int rows) {
        return delete(table, List.of(key), rows);
    }

    /**
     * INSERT of {@code rows} rows of {@code columns}, updating {@code update} columns of a row that conflicts on the
     * {@code conflict} columns (and incrementing the version when given). Row values: {@code columns}.
     */
    Statement upsert(String table, List<ColumnMetadata> columns, List<ColumnMetadata> conflict, List<ColumnMetadata> update,
            @Nullable ColumnMetadata version, int rows);

    /** Binds one column's values of all rows as one array ({@link SlotType#ARRAYS}). */
    default void bindArray(PreparedStatement ps, int index, ColumnMetadata column, @Nullable Object[] values) throws SQLException {
        throw new UnsupportedOperationException("array binds");
    }

    /**
     * The row of a failed statement that the database's error names (0-based, among the statement's rows; for a
     * copy, among the rows copied), or -1 when the error does not tell. {@code rows} is null for a copy.
     */
    default int failedRow(SQLException ex, List<ColumnMetadata> columns, @Nullable Rows rows) {
        return -1;
    }

    /**
     * A query of the connection's running count of changed rows, read before and after a failed JDBC batch whose
     * driver does not report how far it got (sqlite-jdbc): the difference is the failing entry. Null when not needed.
     */
    default @Nullable String batchProgressQuery() {
        return null;
    }

    /**
     * Whether a failed JDBC batch leaves none of its rows behind (MariaDB Connector/J's bulk protocol), so that its
     * rows can be run again one by one to find the failing one when the driver does not say which it was.
     */
    default boolean failedBatchLeavesNothing() {
        return false;
    }

    /**
     * Whether a failed statement aborts the whole transaction (PostgreSQL). Elsewhere the engine finds the failing
     * row of a multi-row statement by running its rows one by one inside the transaction that is rolled back anyway.
     */
    default boolean failureAbortsTransaction() {
        return false;
    }
}

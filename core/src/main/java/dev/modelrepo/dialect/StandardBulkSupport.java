package dev.modelrepo.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;

/**
 * Portable bulk writes: INSERT and UPDATE as single-row statements run in JDBC batches, DELETE with IN lists,
 * upsert as standard {@code MERGE … USING (VALUES …)}, keys through INSERT … RETURNING per row. The database
 * strategies extend it and override the shapes their database does better; it also holds their SQL helpers.
 */
public class StandardBulkSupport implements BulkSupport {

    /** Bind parameters per statement where the database sets no lower limit. */
    public static final int DEFAULT_MAX_BIND_PARAMETERS = 65_535;

    protected final Dialect dialect;

    /** The SQL text of the statements, quoted by {@link #dialect}. */
    protected final WriteSql write;

    public StandardBulkSupport(Dialect dialect) {
        this.dialect = dialect;
        this.write = new WriteSql(dialect);
    }

    @Override
    public int maxBindParameters() {
        return DEFAULT_MAX_BIND_PARAMETERS;
    }

    @Override
    public InsertMethod insertMethod() {
        return InsertMethod.BATCH;
    }

    @Override
    public KeyMethod keyMethod() {
        return KeyMethod.RETURNING_PER_ROW;
    }

    /** Single-row INSERT, batched. */
    @Override
    public Statement insert(String table, List<ColumnMetadata> columns, int rows) {
        return new Statement(write.insert(table, columns), valueSlots(columns.size()), true);
    }

    /** Single-row UPDATE by key, batched. */
    @Override
    public Statement update(String table, List<ColumnMetadata> key, List<ColumnMetadata> set, @Nullable ColumnMetadata version,
            @Nullable ColumnMetadata touched, int rows) {
        List<ColumnMetadata> assigned = new ArrayList<>(set);
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            slots.add(Slot.value(key.size() + i));
        }
        if (touched != null) {
            assigned.add(touched);
            slots.add(Slot.scalar(0));
        }
        slots.addAll(valueSlots(key.size()));
        if (version != null) {
            slots.add(Slot.value(key.size() + set.size()));
        }
        String sql = write.updateByKey(table, assigned, key, version, version == null ? WriteSql.VersionMatch.NONE
                : WriteSql.VersionMatch.EQUALS);
        return new Statement(sql, slots, true);
    }

    /** {@code DELETE … WHERE key IN (?, …)}, for a composite key an OR-chain of key matches ({@link WriteSql#keyIn}). */
    @Override
    public Statement delete(String table, List<ColumnMetadata> key, int rows) {
        return new Statement(write.deleteByKeys(table, key, rows), List.of(Slot.ROWS), false);
    }

    /** Standard {@code MERGE INTO t USING (VALUES …) v ON … WHEN MATCHED THEN UPDATE … WHEN NOT MATCHED THEN INSERT …}. */
    @Override
    public Statement upsert(String table, List<ColumnMetadata> columns, List<ColumnMetadata> conflict, List<ColumnMetadata> update,
            @Nullable ColumnMetadata version, int rows) {
        StringBuilder sql = new StringBuilder("MERGE INTO ").append(table).append(" t USING (VALUES ");
        appendTuples(sql, columns.size(), rows);
        sql.append(") v (").append(columnList(columns)).append(") ON ");
        sql.append(write.joinedOn(conflict, "t.", "v."));
        String sets = write.assignments(update, c -> "v." + q(c));
        if (version != null) {
            sets += (sets.isEmpty() ? "" : ", ") + write.increment(version, "t.");
        }
        if (!sets.isEmpty()) {
            sql.append(" WHEN MATCHED THEN UPDATE SET ").append(sets);
        }
        sql.append(" WHEN NOT MATCHED THEN INSERT (").append(columnList(columns)).append(") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("v.").append(q(columns.get(i)));
        }
        return new Statement(sql.append(')').toString(), List.of(Slot.ROWS), false);
    }

    // ------------------------------------------------------------ helpers for the database strategies

    /** The key columns, then the version when given: what an UPDATE by key matches. */
    protected static List<ColumnMetadata> keyAndVersion(List<ColumnMetadata> key, @Nullable ColumnMetadata version) {
        if (version == null) {
            return key;
        }
        List<ColumnMetadata> match = new ArrayList<>(key);
        match.add(version);
        return match;
    }

    /** The quoted column name. */
    protected final String q(ColumnMetadata column) {
        return write.column(column);
    }

    /** {@code "a", "b", "c"}. */
    protected final String columnList(List<ColumnMetadata> columns) {
        return write.columns(columns);
    }

    /** {@code (?, ?), (?, ?)} for {@code rows} rows. */
    protected static void appendTuples(StringBuilder sql, int width, int rows) {
        WriteSql.appendTuples(sql, width, rows, "");
    }

    /**
     * {@code UPDATE t AS t SET c = <value>, … [, touched = ?] [, version = t.version + 1] FROM <rows> WHERE <match>}:
     * an UPDATE joined to a derived table {@code v} of the rows (PostgreSQL, SQLite). Binds the touched scalar, then
     * {@code rowsSlot}.
     */
    protected Statement updateFrom(String table, List<ColumnMetadata> set, Function<ColumnMetadata, String> value,
            @Nullable ColumnMetadata touched, @Nullable ColumnMetadata version, String rowsTable, String match, Slot rowsSlot) {
        String sets = WriteSql.list(write.assignments(set, value), write.assignment(touched, "", "?"), write.increment(version, "t."));
        List<Slot> slots = touched == null ? List.of(rowsSlot) : List.of(Slot.scalar(0), rowsSlot);
        return new Statement("UPDATE " + table + " AS t SET " + sets + " FROM " + rowsTable + " WHERE " + match, slots, false);
    }

    /** {@code ROW_VALUE} slots for columns 0..width-1. */
    protected static List<Slot> valueSlots(int width) {
        List<Slot> slots = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            slots.add(Slot.value(i));
        }
        return slots;
    }

    /** Update row values: key columns, set columns, version. */
    protected static List<ColumnMetadata> updateRow(List<ColumnMetadata> key, List<ColumnMetadata> set, @Nullable ColumnMetadata version) {
        List<ColumnMetadata> row = new ArrayList<>(set.size() + key.size() + 1);
        row.addAll(key);
        row.addAll(set);
        if (version != null) {
            row.add(version);
        }
        return row;
    }
}

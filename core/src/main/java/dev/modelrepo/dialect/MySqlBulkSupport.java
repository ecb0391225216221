package dev.modelrepo.dialect;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;

/**
 * MySQL 8: multi-row {@code INSERT … VALUES (…), (…)} sized to {@code max_allowed_packet} and 65,535 bind
 * parameters, {@code UPDATE … JOIN (VALUES ROW(…), …)}, IN lists, {@code ON DUPLICATE KEY UPDATE} with a row alias,
 * and keys as generated keys of a JDBC batch.
 */
public class MySqlBulkSupport extends StandardBulkSupport {

    public MySqlBulkSupport(Dialect dialect) {
        super(dialect);
    }

    @Override
    public @Nullable String packetLimitQuery() {
        return "SELECT @@max_allowed_packet";
    }

    @Override
    public InsertMethod insertMethod() {
        return InsertMethod.MULTI_ROW;
    }

    @Override
    public KeyMethod keyMethod() {
        return KeyMethod.BATCH_KEYS;
    }

    @Override
    public Statement insert(String table, List<ColumnMetadata> columns, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(columnList(columns)).append(") VALUES ");
        appendTuples(sql, columns.size(), rows);
        return new Statement(sql.toString(), List.of(Slot.ROWS), false);
    }

    /** {@code UPDATE t AS t JOIN (VALUES ROW(?, ?), …) AS v (id, c) ON t.id = v.id SET t.c = v.c}. */
    @Override
    public Statement update(String table, ColumnMetadata key, List<ColumnMetadata> set, @Nullable ColumnMetadata version,
            @Nullable ColumnMetadata touched, int rows) {
        List<ColumnMetadata> row = updateRow(key, set, version);
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" AS t JOIN ").append(valuesTable(row, rows));
        sql.append(" ON t.").append(q(key)).append(" = v.").append(q(key));
        if (version != null) {
            sql.append(" AND t.").append(q(version)).append(" = v.").append(q(version));
        }
        List<String> sets = new ArrayList<>();
        set.forEach(c -> sets.add("t." + q(c) + " = v." + q(c)));
        List<Slot> slots = new ArrayList<>(List.of(Slot.ROWS));
        if (touched != null) {
            sets.add("t." + q(touched) + " = ?");
            slots.add(Slot.scalar(0));
        }
        if (version != null) {
            sets.add("t." + q(version) + " = t." + q(version) + " + 1");
        }
        sql.append(" SET ").append(String.join(", ", sets));
        return new Statement(sql.toString(), slots, false);
    }

    /** The derived table of the update rows, named {@code v} with the row's column names. */
    protected String valuesTable(List<ColumnMetadata> row, int rows) {
        StringBuilder sql = new StringBuilder("(VALUES ");
        appendTuples(sql, row.size(), rows, "ROW");
        return sql.append(") AS v (").append(columnList(row)).append(')').toString();
    }

    /** {@code INSERT … VALUES (…), (…) AS new ON DUPLICATE KEY UPDATE c = new.c} (any unique key conflicts). */
    @Override
    public Statement upsert(String table, List<ColumnMetadata> columns, List<ColumnMetadata> conflict, List<ColumnMetadata> update,
            @Nullable ColumnMetadata version, int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(columnList(columns)).append(") VALUES ");
        appendTuples(sql, columns.size(), rows);
        sql.append(rowAlias()).append(" ON DUPLICATE KEY UPDATE ");
        List<String> sets = new ArrayList<>();
        update.forEach(c -> sets.add(q(c) + " = " + newValue(c)));
        if (version != null) {
            sets.add(q(version) + " = " + q(version) + " + 1");
        }
        if (sets.isEmpty()) {
            sets.add(q(conflict.get(0)) + " = " + q(conflict.get(0)));
        }
        return new Statement(sql.append(String.join(", ", sets)).toString(), List.of(Slot.ROWS), false);
    }

    /** The row alias after VALUES (MySQL 8.0.19+). */
    protected String rowAlias() {
        return " AS new";
    }

    /** The proposed value of a column in ON DUPLICATE KEY UPDATE. */
    protected String newValue(ColumnMetadata column) {
        return "new." + q(column);
    }
}

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
        return new Statement(write.insertRows(table, columns, rows), List.of(Slot.ROWS), false);
    }

    /** {@code UPDATE t AS t JOIN (VALUES ROW(?, ?), …) AS v (id, c) ON t.id = v.id SET t.c = v.c}. */
    @Override
    public Statement update(String table, List<ColumnMetadata> key, List<ColumnMetadata> set, @Nullable ColumnMetadata version,
            @Nullable ColumnMetadata touched, int rows) {
        List<ColumnMetadata> row = updateRow(key, set, version);
        StringBuilder sql = new StringBuilder("UPDATE ").append(table).append(" AS t JOIN ").append(valuesTable(row, rows));
        sql.append(" ON ").append(write.joinedOn(keyAndVersion(key, version), "t.", "v."));
        List<Slot> slots = new ArrayList<>(List.of(Slot.ROWS));
        if (touched != null) {
            slots.add(Slot.scalar(0));
        }
        sql.append(" SET ").append(WriteSql.list(write.assignments("t.", set, c -> "v." + q(c)), write.assignment(touched, "t.", "?"),
                write.increment(version, "t.", "t.")));
        return new Statement(sql.toString(), slots, false);
    }

    /** The derived table of the update rows, named {@code v} with the row's column names. */
    protected String valuesTable(List<ColumnMetadata> row, int rows) {
        StringBuilder sql = new StringBuilder("(VALUES ");
        WriteSql.appendTuples(sql, row.size(), rows, "ROW");
        return sql.append(") AS v (").append(columnList(row)).append(')').toString();
    }

    /** {@code INSERT … VALUES (…), (…) AS new ON DUPLICATE KEY UPDATE c = new.c} (any unique key conflicts). */
    @Override
    public Statement upsert(String table, List<ColumnMetadata> columns, List<ColumnMetadata> conflict, List<ColumnMetadata> update,
            @Nullable ColumnMetadata version, int rows) {
        StringBuilder sql = new StringBuilder(write.insertRows(table, columns, rows)).append(rowAlias()).append(" ON DUPLICATE KEY UPDATE ");
        String sets = WriteSql.list(write.assignments(update, this::newValue), write.increment(version, ""));
        if (sets.isEmpty()) {
            sets = write.assignments(conflict.subList(0, 1), this::q);
        }
        return new Statement(sql.append(sets).toString(), List.of(Slot.ROWS), false);
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

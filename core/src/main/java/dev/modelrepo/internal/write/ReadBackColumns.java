package dev.modelrepo.internal.write;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.types.ColumnKind;

import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;

/**
 * The columns {@link ModelWriter} reads back after a write: those the database filled or may have changed, so that the
 * model holds what a fresh read returns.
 */
final class ReadBackColumns {

    private ReadBackColumns() {
    }

    /**
     * The columns an INSERT reads back: those it did not write (keys, defaults, generated columns), the written ones
     * the database may have changed (unless their bit in {@code exact}, by table position, says the value bound is
     * stored as it is), and those the model names in {@code @Table(readBack)}; in table order.
     */
    static List<ColumnMetadata> afterInsert(TableMetadata table, List<ColumnMetadata> written, List<ColumnMetadata> declared, long exact) {
        List<ColumnMetadata> stored = new ArrayList<>();
        List<ColumnMetadata> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnMetadata column = columns.get(i);
            if (!written.contains(column) || (mayChangeWhenStored(column) && !isSet(exact, i)) || declared.contains(column)) {
                stored.add(column);
            }
        }
        return stored;
    }

    /**
     * The columns to read back after an UPDATE: the written ones the database may have changed (values it rounds or
     * normalizes; not those whose bit in {@code exact} says the value bound is stored as it is), the version, then in
     * table order the generated columns, those it sets on update and those the model names in {@code @Table(readBack)}.
     */
    static List<ColumnMetadata> afterUpdate(TableMetadata table, List<ColumnMetadata> written, long exact, @Nullable ColumnMetadata version,
            List<ColumnMetadata> declared) {
        List<ColumnMetadata> readBack = new ArrayList<>();
        List<ColumnMetadata> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnMetadata column = columns.get(i);
            if (mayChangeWhenStored(column) && !isSet(exact, i) && written.contains(column)) {
                readBack.add(column);
            }
        }
        if (version != null) {
            readBack.add(version);
        }
        for (ColumnMetadata column : columns) {
            if ((column.generated() || column.setOnUpdate() || declared.contains(column)) && !readBack.contains(column)) {
                readBack.add(column);
            }
        }
        return readBack;
    }

    private static boolean isSet(long bits, int i) {
        return i < 64 && (bits & (1L << i)) != 0;
    }

    /**
     * Whether the database stores this value of a column that {@link #mayChangeWhenStored may change} values exactly
     * as bound, so that reading it back would return what the model holds: a {@code LocalDateTime} of a TIMESTAMP
     * column without more fractional digits than the column keeps (at most microseconds, whatever the metadata
     * says), where the dialect stores timestamps as bound. Anything else (null, which a default or a trigger may
     * replace; other types; converted values) is read back.
     */
    static boolean storedAsBound(ColumnMetadata column, @Nullable Object value, Dialect dialect) {
        if (column.kind() != ColumnKind.TIMESTAMP || !(value instanceof LocalDateTime t)) {
            return false;
        }
        int digits = Math.max(0, Math.min(column.scale(), 6));
        return t.getNano() % NANO_STEPS[digits] == 0 && dialect.storesTimestampsAsBound(column);
    }

    /** The nanoseconds of one step of a fraction of 0..6 digits. */
    private static final int[] NANO_STEPS = { 1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000 };

    /** The columns the model names in {@code @Table(readBack)}; one its table lacks is an error naming the model. */
    static List<ColumnMetadata> declared(ModelInfo info) {
        List<String> names = info.table().readBack();
        if (names.isEmpty()) {
            return List.of();
        }
        List<ColumnMetadata> columns = new ArrayList<>(names.size());
        for (String name : names) {
            ColumnMetadata column = info.metadata().column(name);
            if (column == null) {
                throw new InvalidDataAccessApiUsageException(info.name() + " declares @Table(readBack) column '" + name
                        + "' but its table has only " + info.metadata().columnNames());
            }
            columns.add(column);
        }
        return columns;
    }

    /**
     * Whether the database may store another value than the one bound: fractional seconds and decimals are rounded
     * or truncated to the column, floating point may lose digits, JSON is normalized (jsonb, MySQL), fixed-length
     * text is padded, ranges, composites and SETs take a canonical form, and arrays or unknown types may hold any of
     * these. Other values (integers, booleans, dates, variable-length text, bytes, UUIDs) are stored as bound, so they
     * need not be read back.
     */
    static boolean mayChangeWhenStored(ColumnMetadata column) {
        return switch (column.kind()) {
            case TIMESTAMP, TIMESTAMP_TZ, TIME, DECIMAL, DOUBLE, JSON, ARRAY, SET, OTHER -> true;
            case STRING -> isFixedLength(column.typeName()) || column.declaredType().normalizesText();
            default -> false;
        };
    }

    private static boolean isFixedLength(@Nullable String typeName) {
        if (typeName == null) {
            return false;
        }
        String t = typeName.toUpperCase(java.util.Locale.ROOT);
        return t.equals("CHAR") || t.equals("CHARACTER") || t.equals("BPCHAR") || t.equals("NCHAR") || t.startsWith("CHAR(")
                || t.startsWith("CHARACTER(") || t.startsWith("NCHAR(");
    }
}

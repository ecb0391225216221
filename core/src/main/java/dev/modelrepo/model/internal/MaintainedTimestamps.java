package dev.modelrepo.model.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;

/**
 * The created_at / updated_at columns a model's writes maintain, and the value "now" takes in each: a TIMESTAMP
 * column gets a {@code LocalDateTime} in UTC, a TIMESTAMP WITH TIME ZONE column an {@code OffsetDateTime} in UTC,
 * and a text column (what Liquibase's TIMESTAMP becomes on SQLite) the UTC text {@code 2024-05-01 13:45:00.123},
 * which SQLite's date functions read and whose text order is time order. A column of any other type cannot hold
 * a timestamp: that is an error naming the model and the column, never a silent skip.
 */
public final class MaintainedTimestamps {

    /** {@code yyyy-MM-dd HH:mm:ss.SSS}. */
    static final int TEXT_LENGTH = 23;

    private MaintainedTimestamps() {
    }

    /**
     * The maintained column of this name (an empty name or a column the table lacks: none), or null when the table
     * has none or the database sets it itself.
     *
     * @throws InvalidDataAccessApiUsageException when the column cannot hold a timestamp
     */
    public static @Nullable ColumnMetadata column(ModelInfo info, String name) {
        ColumnMetadata column = name.isEmpty() ? null : info.metadata().column(name);
        if (column == null || column.generated()) {
            return null;
        }
        String problem = problem(column);
        if (problem != null) {
            throw new InvalidDataAccessApiUsageException(info.name() + "." + column.name() + " (table " + info.metadata().name()
                    + ") is maintained as a timestamp but " + problem);
        }
        return column;
    }

    /** Why this column cannot hold a maintained timestamp, or null when it can. */
    public static @Nullable String problem(ColumnMetadata column) {
        ColumnKind kind = column.kind();
        if (kind == ColumnKind.TIMESTAMP || kind == ColumnKind.TIMESTAMP_TZ) {
            return null;
        }
        if (kind == ColumnKind.STRING) {
            return column.size() > 0 && column.size() < TEXT_LENGTH ? "its type " + column.typeName() + "(" + column.size()
                    + ") is shorter than the " + TEXT_LENGTH + " characters of 'yyyy-MM-dd HH:mm:ss.SSS'" + ADVICE : null;
        }
        return "its type " + column.typeName() + " cannot hold a timestamp" + ADVICE;
    }

    private static final String ADVICE = ": declare it TIMESTAMP (or DATETIME, or TEXT on SQLite), or name another column"
            + " (or none, \"\") with @Table(createdAt = …, updatedAt = …)";

    /** What {@code now} is in this maintained column. */
    public static Object value(ColumnMetadata column, Instant now) {
        return switch (column.kind()) {
            case TIMESTAMP -> LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            case TIMESTAMP_TZ -> OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
            default -> text(LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        };
    }

    /** {@code 2024-05-01 13:45:00.123}: fixed width (milliseconds, which is all SQLite's date functions read). */
    static String text(LocalDateTime t) {
        char[] c = new char[TEXT_LENGTH];
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year " + year + " does not fit yyyy");
        }
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, t.getNano() / 1_000_000, 3);
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}

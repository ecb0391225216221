package dev.modelrepo.dialect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ColumnReader;

/**
 * Reads a SQLite date or time column (DATE, TIME, TIMESTAMP, TIMESTAMP_TZ): text parsed by hand
 * ({@link SqliteTemporalText}), a number as epoch milliseconds (what sqlite-jdbc writes for {@code java.sql.Timestamp}
 * by default); bad text an error naming the column.
 *
 * <p>The value is read with {@code getBytes}, which hands the text's bytes as SQLite stores them (a number's as its
 * digits) in one array: {@code getString} copies them out of a direct buffer and decodes a String, two thirds of the
 * cost of a timestamp column. Bytes that are not a form read here (another database encoding than UTF-8, a number
 * with a fraction, a signed year, bad text) are read again as the String, whose path decides and reports.
 */
final class SqliteTemporalReader implements ColumnReader {

    private final ColumnKind kind;

    private final @Nullable ColumnMetadata column;

    SqliteTemporalReader(ColumnKind kind, @Nullable ColumnMetadata column) {
        this.kind = kind;
        this.column = column;
    }

    @Override
    public @Nullable Object read(ResultSet rs, int i) throws SQLException {
        byte[] b = rs.getBytes(i);
        if (b == null) {
            return null;
        }
        if (kind == ColumnKind.TIME || !SqliteTemporalText.mayBeNumber(b)) {
            try {
                return fromBytes(b);
            }
            catch (DateTimeException ex) {
                // not UTF-8 text of a form read here: the String path below reads it or reports it
            }
        }
        else if (b.length <= 18) {
            long millis = integral(b);
            if (millis != Long.MIN_VALUE) {
                return fromNumber(millis);
            }
        }
        return readText(rs, i);
    }

    private Object fromBytes(byte[] b) {
        return switch (kind) {
            case DATE -> SqliteTemporalText.date(b);
            case TIME -> SqliteTemporalText.time(b);
            case TIMESTAMP_TZ -> SqliteTemporalText.offsetTimestamp(b);
            default -> SqliteTemporalText.timestamp(b);
        };
    }

    private Object fromText(String text) {
        return switch (kind) {
            case DATE -> SqliteTemporalText.date(text);
            case TIME -> SqliteTemporalText.time(text);
            case TIMESTAMP_TZ -> SqliteTemporalText.offsetTimestamp(text);
            default -> SqliteTemporalText.timestamp(text);
        };
    }

    private Object fromNumber(long millis) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
        return switch (kind) {
            case DATE -> t.toLocalDate();
            case TIMESTAMP_TZ -> t.atOffset(ZoneOffset.UTC);
            default -> t;
        };
    }

    /** The text path: the value as a String, a number when it is one (but for a time), else date-time text. */
    private @Nullable Object readText(ResultSet rs, int i) throws SQLException {
        String text = rs.getString(i);
        if (text == null) {
            return null;
        }
        try {
            Number number = kind == ColumnKind.TIME ? null : SqliteTemporalText.epochNumber(text);
            return number != null ? fromNumber(number.longValue()) : fromText(text);
        }
        catch (DateTimeException ex) {
            throw SqliteReadErrors.notTemporal(rs, i, column, kind, text, ex);
        }
    }

    /** The digits (at most 18, after an optional '-') as a long, or {@code Long.MIN_VALUE} when they are not only digits. */
    private static long integral(byte[] b) {
        boolean negative = b[0] == '-';
        int from = negative ? 1 : 0;
        if (from == b.length) {
            return Long.MIN_VALUE;
        }
        long value = 0;
        for (int p = from; p < b.length; p++) {
            int d = b[p] - '0';
            if (d < 0 || d > 9) {
                return Long.MIN_VALUE;
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }
}

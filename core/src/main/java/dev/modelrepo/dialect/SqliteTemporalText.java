package dev.modelrepo.dialect;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Reads the date-time text SQLite stores and its date functions accept, by hand from the text's UTF-8 bytes (no regex,
 * no formatter, no String): {@code YYYY-MM-DD}, {@code YYYY-MM-DD HH:MM}, {@code YYYY-MM-DD HH:MM:SS},
 * {@code YYYY-MM-DD HH:MM:SS.SSS} (any number of fraction digits; nanoseconds are kept, more digits ignored), {@code T}
 * in place of the space, and a {@code Z} or {@code [+-]HH:MM} suffix, which converts the time to UTC as SQLite does.
 * Years outside 0000-9999 (written {@code +12345-…} by {@link SqliteText}) go through the formatter. Bad text is a
 * {@link DateTimeParseException}. The byte forms read what {@code ResultSet.getBytes} hands for a text value.
 */
final class SqliteTemporalText {

    private SqliteTemporalText() {
    }

    /** The text as a UTC date-time; an offset suffix converts it to UTC. */
    static LocalDateTime timestamp(String s) {
        return timestamp(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #timestamp(String)} of the text's UTF-8 bytes. */
    static LocalDateTime timestamp(byte[] b) {
        if (b.length == 0 || !isDigit(b[0])) {
            return slowTimestamp(new String(b, StandardCharsets.UTF_8));
        }
        int end = zoneStart(b);
        LocalDateTime local = local(b, end);
        return end == b.length ? local : local.minusSeconds(offsetSeconds(b, end));
    }

    /** The text as an offset date-time in UTC; text without an offset is taken as UTC. */
    static OffsetDateTime offsetTimestamp(String s) {
        return timestamp(s).atOffset(ZoneOffset.UTC);
    }

    /** {@link #offsetTimestamp(String)} of the text's UTF-8 bytes. */
    static OffsetDateTime offsetTimestamp(byte[] b) {
        return timestamp(b).atOffset(ZoneOffset.UTC);
    }

    /** The date of the text ({@code YYYY-MM-DD}, or the date part of a date-time). */
    static LocalDate date(String s) {
        return date(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #date(String)} of the text's UTF-8 bytes. */
    static LocalDate date(byte[] b) {
        if (b.length < 10 || !isDigit(b[0])) {
            String s = new String(b, StandardCharsets.UTF_8);
            int end = s.indexOf(' ', 1) > 0 ? s.indexOf(' ', 1) : s.indexOf('T', 1);
            return LocalDate.parse(end > 0 ? s.substring(0, end) : s);   // a signed or five-digit year
        }
        return date(b, 0);
    }

    /** {@code HH:MM}, {@code HH:MM:SS} or {@code HH:MM:SS.fff}. */
    static LocalTime time(String s) {
        return time(s.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #time(String)} of the text's UTF-8 bytes. */
    static LocalTime time(byte[] b) {
        return time(b, 0, b.length);
    }

    /**
     * The number a date-time column holds as an INTEGER or REAL (epoch milliseconds), read from its text, or null when
     * the text is no number (a date's fifth character is its '-', so dates never get this far but for a test of it).
     */
    static @Nullable Number epochNumber(String s) {
        int n = s.length();
        if (n == 0 || (n >= 10 && s.charAt(4) == '-') || !(isDigit(s.charAt(0)) || (s.charAt(0) == '-' && n > 1))) {
            return null;
        }
        boolean integral = true;
        for (int i = s.charAt(0) == '-' ? 1 : 0; i < n; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                    return null;
                }
                integral = false;
            }
        }
        try {
            return integral ? (Number) Long.parseLong(s) : (Number) Double.parseDouble(s);
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    /**
     * Whether the bytes may be a number ({@link #epochNumber}) rather than date-time text: no fifth byte '-', and a
     * digit or '-' first. Text for which this is false is never a number.
     */
    static boolean mayBeNumber(byte[] b) {
        int n = b.length;
        return n > 0 && !(n >= 10 && b[4] == '-') && (isDigit(b[0]) || b[0] == '-');
    }

    private static LocalDateTime local(byte[] b, int end) {
        LocalDate date = date(b, 0);
        if (end == 10) {
            return date.atStartOfDay();
        }
        byte separator = at(b, 10, end);
        if (separator != ' ' && separator != 'T') {
            throw bad(b, 10, "expected ' ' or 'T' after the date");
        }
        return LocalDateTime.of(date, time(b, 11, end));
    }

    private static LocalDate date(byte[] b, int from) {
        int year = digits(b, from, 4, b.length);
        expect(b, from + 4, '-', b.length);
        int month = digits(b, from + 5, 2, b.length);
        expect(b, from + 7, '-', b.length);
        int day = digits(b, from + 8, 2, b.length);
        try {
            return LocalDate.of(year, month, day);
        }
        catch (java.time.DateTimeException ex) {
            throw bad(b, from, ex.getMessage());
        }
    }

    private static LocalTime time(byte[] b, int from, int end) {
        int hour = digits(b, from, 2, end);
        expect(b, from + 2, ':', end);
        int minute = digits(b, from + 3, 2, end);
        int second = 0;
        int nano = 0;
        int p = from + 5;
        if (p < end) {
            expect(b, p, ':', end);
            second = digits(b, p + 1, 2, end);
            p += 3;
            if (p < end) {
                expect(b, p, '.', end);
                p++;
                if (p >= end) {
                    throw bad(b, p, "expected digits after '.'");
                }
                int scale = 100_000_000;
                for (; p < end; p++) {
                    int digit = digit(b, p);
                    nano += digit * scale;
                    scale /= 10;
                }
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw bad(b, from, "hour, minute or second out of range");
        }
        return LocalTime.of(hour, minute, second, nano);
    }

    /** Where a {@code Z} or {@code [+-]HH:MM} suffix starts, or the length when there is none. */
    private static int zoneStart(byte[] b) {
        int n = b.length;
        if (n > 10 && b[n - 1] == 'Z') {
            return n - 1;
        }
        if (n >= 16 && (b[n - 6] == '+' || b[n - 6] == '-') && b[n - 3] == ':') {
            return n - 6;
        }
        return n;
    }

    private static int offsetSeconds(byte[] b, int from) {
        if (b[from] == 'Z') {
            return 0;
        }
        int hours = digits(b, from + 1, 2, b.length);
        int minutes = digits(b, from + 4, 2, b.length);
        if (hours > 18 || minutes > 59) {
            throw bad(b, from, "offset out of range");
        }
        int seconds = hours * 3600 + minutes * 60;
        return b[from] == '-' ? -seconds : seconds;
    }

    private static int digits(byte[] b, int from, int count, int end) {
        if (from + count > end) {
            throw bad(b, Math.min(from, end), "text ends too early");
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + digit(b, i);
        }
        return value;
    }

    private static int digit(byte[] b, int i) {
        byte c = b[i];
        if (!isDigit(c)) {
            throw bad(b, i, "expected a digit");
        }
        return c - '0';
    }

    private static void expect(byte[] b, int i, char c, int end) {
        if (at(b, i, end) != c) {
            throw bad(b, i, "expected '" + c + "'");
        }
    }

    private static byte at(byte[] b, int i, int end) {
        if (i >= end) {
            throw bad(b, Math.min(i, end), "text ends too early");
        }
        return b[i];
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static LocalDateTime slowTimestamp(String s) {
        String t = s.replace('T', ' ');
        return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t, SqliteDialect.TIMESTAMP_TEXT);
    }

    private static DateTimeParseException bad(byte[] b, int index, String why) {
        String s = new String(b, StandardCharsets.UTF_8);
        return new DateTimeParseException("'" + s + "' is not a date-time SQLite reads (" + why + " at " + index
                + "; expected YYYY-MM-DD[(' '|'T')HH:MM[:SS[.fff]]][Z|+HH:MM|-HH:MM])", s, index);
    }
}

package dev.modelrepo.dialect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the date-time text SQLite stores and its date functions accept, by hand (no regex, no formatter, no copy of
 * the text): {@code YYYY-MM-DD}, {@code YYYY-MM-DD HH:MM}, {@code YYYY-MM-DD HH:MM:SS}, {@code YYYY-MM-DD HH:MM:SS.SSS}
 * (any number of fraction digits; nanoseconds are kept, more digits ignored), {@code T} in place of the space, and a
 * {@code Z} or {@code [+-]HH:MM} suffix, which converts the time to UTC as SQLite does. Years outside 0000-9999 (written
 * {@code +12345-…} by {@link SqliteText}) go through the formatter. Bad text is a {@link DateTimeParseException}.
 */
final class SqliteTemporalText {

    private SqliteTemporalText() {
    }

    /** The text as a UTC date-time; an offset suffix converts it to UTC. */
    static LocalDateTime timestamp(String s) {
        if (s.isEmpty() || !isDigit(s.charAt(0))) {
            return slowTimestamp(s);
        }
        int end = zoneStart(s);
        LocalDateTime local = local(s, end);
        return end == s.length() ? local : local.minusSeconds(offsetSeconds(s, end));
    }

    /** The text as an offset date-time in UTC; text without an offset is taken as UTC. */
    static OffsetDateTime offsetTimestamp(String s) {
        return timestamp(s).atOffset(ZoneOffset.UTC);
    }

    /** The date of the text ({@code YYYY-MM-DD}, or the date part of a date-time). */
    static LocalDate date(String s) {
        if (s.length() < 10 || !isDigit(s.charAt(0))) {
            int end = s.indexOf(' ', 1) > 0 ? s.indexOf(' ', 1) : s.indexOf('T', 1);
            return LocalDate.parse(end > 0 ? s.substring(0, end) : s);   // a signed or five-digit year
        }
        return date(s, 0);
    }

    /** {@code HH:MM}, {@code HH:MM:SS} or {@code HH:MM:SS.fff}. */
    static LocalTime time(String s) {
        return time(s, 0, s.length());
    }

    /**
     * The number a date-time column holds as an INTEGER or REAL (epoch milliseconds), read from its text, or null when
     * the text is no number (a date's fifth character is its '-', so dates never get this far but for a test of it).
     */
    static @org.jspecify.annotations.Nullable Number epochNumber(String s) {
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

    private static LocalDateTime local(String s, int end) {
        LocalDate date = date(s, 0);
        if (end == 10) {
            return date.atStartOfDay();
        }
        char separator = at(s, 10, end);
        if (separator != ' ' && separator != 'T') {
            throw bad(s, 10, "expected ' ' or 'T' after the date");
        }
        return LocalDateTime.of(date, time(s, 11, end));
    }

    private static LocalDate date(String s, int from) {
        int year = digits(s, from, 4, s.length());
        expect(s, from + 4, '-', s.length());
        int month = digits(s, from + 5, 2, s.length());
        expect(s, from + 7, '-', s.length());
        int day = digits(s, from + 8, 2, s.length());
        try {
            return LocalDate.of(year, month, day);
        }
        catch (java.time.DateTimeException ex) {
            throw bad(s, from, ex.getMessage());
        }
    }

    private static LocalTime time(String s, int from, int end) {
        int hour = digits(s, from, 2, end);
        expect(s, from + 2, ':', end);
        int minute = digits(s, from + 3, 2, end);
        int second = 0;
        int nano = 0;
        int p = from + 5;
        if (p < end) {
            expect(s, p, ':', end);
            second = digits(s, p + 1, 2, end);
            p += 3;
            if (p < end) {
                expect(s, p, '.', end);
                p++;
                if (p >= end) {
                    throw bad(s, p, "expected digits after '.'");
                }
                int scale = 100_000_000;
                for (; p < end; p++) {
                    int digit = digit(s, p);
                    nano += digit * scale;
                    scale /= 10;
                }
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw bad(s, from, "hour, minute or second out of range");
        }
        return LocalTime.of(hour, minute, second, nano);
    }

    /** Where a {@code Z} or {@code [+-]HH:MM} suffix starts, or the length when there is none. */
    private static int zoneStart(String s) {
        int n = s.length();
        if (n > 10 && s.charAt(n - 1) == 'Z') {
            return n - 1;
        }
        if (n >= 16 && (s.charAt(n - 6) == '+' || s.charAt(n - 6) == '-') && s.charAt(n - 3) == ':') {
            return n - 6;
        }
        return n;
    }

    private static int offsetSeconds(String s, int from) {
        if (s.charAt(from) == 'Z') {
            return 0;
        }
        int hours = digits(s, from + 1, 2, s.length());
        int minutes = digits(s, from + 4, 2, s.length());
        if (hours > 18 || minutes > 59) {
            throw bad(s, from, "offset out of range");
        }
        int seconds = hours * 3600 + minutes * 60;
        return s.charAt(from) == '-' ? -seconds : seconds;
    }

    private static int digits(String s, int from, int count, int end) {
        if (from + count > end) {
            throw bad(s, Math.min(from, end), "text ends too early");
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + digit(s, i);
        }
        return value;
    }

    private static int digit(String s, int i) {
        char c = s.charAt(i);
        if (!isDigit(c)) {
            throw bad(s, i, "expected a digit");
        }
        return c - '0';
    }

    private static void expect(String s, int i, char c, int end) {
        if (at(s, i, end) != c) {
            throw bad(s, i, "expected '" + c + "'");
        }
    }

    private static char at(String s, int i, int end) {
        if (i >= end) {
            throw bad(s, Math.min(i, end), "text ends too early");
        }
        return s.charAt(i);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static LocalDateTime slowTimestamp(String s) {
        String t = s.replace('T', ' ');
        return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t, SqliteDialect.TIMESTAMP_TEXT);
    }

    private static DateTimeParseException bad(String s, int index, String why) {
        return new DateTimeParseException("'" + s + "' is not a date-time SQLite reads (" + why + " at " + index
                + "; expected YYYY-MM-DD[(' '|'T')HH:MM[:SS[.fff]]][Z|+HH:MM|-HH:MM])", s, index);
    }
}

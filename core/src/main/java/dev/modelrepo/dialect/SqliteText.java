package dev.modelrepo.dialect;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * SQLite's canonical date-time text ({@code 2024-05-01 13:45:00.5}: seconds always, the fraction only as long as
 * needed), written by hand: the same text as {@link SqliteDialect#TIMESTAMP_TEXT} at a fraction of a
 * {@code DateTimeFormatter}'s cost, which matters when a bulk insert binds a million of them.
 */
final class SqliteText {

    private SqliteText() {
    }

    static String timestamp(LocalDateTime value) {
        LocalDate date = value.toLocalDate();
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return SqliteDialect.TIMESTAMP_TEXT.format(value);
        }
        StringBuilder sb = new StringBuilder(29);
        pad(sb, date.getYear(), 4).append('-');
        pad(sb, date.getMonthValue(), 2).append('-');
        pad(sb, date.getDayOfMonth(), 2).append(' ');
        return appendTime(sb, value.toLocalTime()).toString();
    }

    static String time(LocalTime value) {
        return appendTime(new StringBuilder(18), value).toString();
    }

    private static StringBuilder appendTime(StringBuilder sb, LocalTime t) {
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        pad(sb, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano != 0) {
            int digits = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                digits--;
            }
            sb.append('.');
            pad(sb, nano, digits);
        }
        return sb;
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}

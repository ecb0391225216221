package dev.modelrepo.dialect;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * SQLite's canonical date-time text ({@code 2024-05-01 13:45:00.5}: seconds always, the fraction only as long as
 * needed), written by hand into one byte array: the same text as {@link SqliteDialect#TIMESTAMP_TEXT} at a fraction of
 * a {@code DateTimeFormatter}'s cost (and of a StringBuilder's), which matters when a bulk insert binds a million.
 */
final class SqliteText {

    private SqliteText() {
    }

    static String timestamp(LocalDateTime value) {
        int year = value.getYear();
        if (year < 0 || year > 9999) {
            return SqliteDialect.TIMESTAMP_TEXT.format(value);
        }
        byte[] b = new byte[30];
        digits(b, 0, year, 4);
        b[4] = '-';
        digits(b, 5, value.getMonthValue(), 2);
        b[7] = '-';
        digits(b, 8, value.getDayOfMonth(), 2);
        b[10] = ' ';
        int end = time(b, 11, value.getHour(), value.getMinute(), value.getSecond(), value.getNano());
        return new String(b, 0, end, StandardCharsets.ISO_8859_1);
    }

    static String time(LocalTime value) {
        byte[] b = new byte[18];
        int end = time(b, 0, value.getHour(), value.getMinute(), value.getSecond(), value.getNano());
        return new String(b, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** {@code HH:MM:SS[.fff]} at {@code at}, the fraction without trailing zeros; returns where the text ends. */
    private static int time(byte[] b, int at, int hour, int minute, int second, int nano) {
        digits(b, at, hour, 2);
        b[at + 2] = ':';
        digits(b, at + 3, minute, 2);
        b[at + 5] = ':';
        digits(b, at + 6, second, 2);
        int end = at + 8;
        if (nano == 0) {
            return end;
        }
        int fraction = nano;
        int width = 9;
        while (fraction % 10 == 0) {
            fraction /= 10;
            width--;
        }
        b[end] = '.';
        digits(b, end + 1, fraction, width);
        return end + 1 + width;
    }

    /** {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
    private static void digits(byte[] b, int at, int value, int width) {
        int v = value;
        for (int i = at + width - 1; i >= at; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
    }
}

package dev.modelrepo.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every date-time text form SQLite's date functions accept is read by hand, and anything else refused. */
class SqliteTemporalTextTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2024-05-01                    | 2024-05-01T00:00",
        "2024-05-01 13:45              | 2024-05-01T13:45",
        "2024-05-01T13:45              | 2024-05-01T13:45",
        "2024-05-01 13:45:07           | 2024-05-01T13:45:07",
        "2024-05-01T13:45:07           | 2024-05-01T13:45:07",
        "2024-05-01 13:45:07.5         | 2024-05-01T13:45:07.5",
        "2024-05-01 13:45:07.123       | 2024-05-01T13:45:07.123",
        "2024-05-01T13:45:07.123456789 | 2024-05-01T13:45:07.123456789",
        "2024-05-01 13:45:07.1234567891 | 2024-05-01T13:45:07.123456789",
        "2024-05-01 13:45:07Z          | 2024-05-01T13:45:07",
        "2024-05-01T13:45:07.250Z      | 2024-05-01T13:45:07.25",
        "2024-05-01 13:45:07+02:00     | 2024-05-01T11:45:07",
        "2024-05-01 13:45-05:30        | 2024-05-01T19:15",
        "2024-12-31T23:30:00.5-01:00   | 2025-01-01T00:30:00.5",
        "+12345-06-07 08:09:10.5       | +12345-06-07T08:09:10.5",
    })
    void readsEveryFormSqliteStores(String text, String expected) {
        LocalDateTime t = LocalDateTime.parse(expected);
        assertThat(SqliteTemporalText.timestamp(text)).isEqualTo(t);
        assertThat(SqliteTemporalText.offsetTimestamp(text)).isEqualTo(OffsetDateTime.of(t, ZoneOffset.UTC));
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(SqliteTemporalText.timestamp(bytes)).isEqualTo(t);
        assertThat(SqliteTemporalText.offsetTimestamp(bytes)).isEqualTo(OffsetDateTime.of(t, ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "garbage", "2024-5-01", "2024-05-01x", "2024-05-01 13", "2024-05-01 13:4", "2024-05-01 13:45:",
        "2024-05-01 13:45:07.", "2024-05-01 13:45:07.12a", "2024-13-01", "2024-02-30", "2024-05-01 24:00", "2024-05-01 12:60",
        "2024-05-01 13:45:07+25:00", "2024/05/01 13:45", "2024-05-01 13:45:07 UTC", "1714571107"})
    void refusesWhatIsNoDateTime(String text) {
        assertThatThrownBy(() -> SqliteTemporalText.timestamp(text)).isInstanceOf(java.time.DateTimeException.class);
        assertThatThrownBy(() -> SqliteTemporalText.timestamp(text.getBytes(StandardCharsets.UTF_8))).isInstanceOf(java.time.DateTimeException.class);
    }

    @Test
    void bytesOfAnotherEncodingOrNotAsciiAreRefusedNamingTheText() {
        String text = "2024-05-01 13:45:07";
        for (var charset : new java.nio.charset.Charset[] {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            assertThatThrownBy(() -> SqliteTemporalText.timestamp(text.getBytes(charset))).as(charset.name())
                    .isInstanceOf(java.time.DateTimeException.class);
            assertThatThrownBy(() -> SqliteTemporalText.date(text.getBytes(charset))).isInstanceOf(java.time.DateTimeException.class);
            assertThatThrownBy(() -> SqliteTemporalText.time("13:45:07".getBytes(charset))).isInstanceOf(java.time.DateTimeException.class);
        }
        assertThatThrownBy(() -> SqliteTemporalText.timestamp("2024-05-01 13:45:07\u00e9")).isInstanceOfSatisfying(DateTimeParseException.class,
                ex -> assertThat(ex.getMessage()).contains("'2024-05-01 13:45:07\u00e9'"));
        assertThatThrownBy(() -> SqliteTemporalText.timestamp("2024-05-01 13:45:0\u0661")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void onlyTextThatMayBeANumberIsTakenForOne() {
        for (String number : new String[] {"1714571107000", "-86400000", "1.714571107E12", "-0001-05-01", "12:30"}) {
            assertThat(SqliteTemporalText.mayBeNumber(number.getBytes(StandardCharsets.UTF_8))).as(number).isTrue();
        }
        for (String text : new String[] {"", "2024-05-01", "2024-05-01 13:45", "+12345-06-07", "abc", "T"}) {
            assertThat(SqliteTemporalText.mayBeNumber(text.getBytes(StandardCharsets.UTF_8))).as(text).isFalse();
            assertThat(SqliteTemporalText.epochNumber(text)).as(text).isNull();
        }
    }

    @Test
    void aBadTextErrorSaysWhatWasExpectedAndWhere() {
        assertThatThrownBy(() -> SqliteTemporalText.timestamp("2024-05-01 13:45:0x")).isInstanceOfSatisfying(DateTimeParseException.class, ex -> {
            assertThat(ex.getErrorIndex()).isEqualTo(18);
            assertThat(ex.getMessage()).contains("'2024-05-01 13:45:0x'").contains("expected a digit at 18").contains("YYYY-MM-DD");
        });
    }

    @Test
    void numbersAreEpochMillisecondsAndDatesNeverNumbers() {
        assertThat(SqliteTemporalText.epochNumber("1714571107000")).isEqualTo(1714571107000L);
        assertThat(SqliteTemporalText.epochNumber("-86400000")).isEqualTo(-86400000L);
        assertThat(SqliteTemporalText.epochNumber("1.714571107E12")).isEqualTo(1.714571107E12);
        for (String notANumber : new String[] {"2024-05-01", "2024-05-01 13:45", "-", "", "12:30", "+12345-06-07", "1e", "abc"}) {
            assertThat(SqliteTemporalText.epochNumber(notANumber)).as(notANumber).isNull();
        }
    }

    @Test
    void readsDatesAndTimes() {
        assertThat(SqliteTemporalText.date("2024-05-01")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(SqliteTemporalText.date("2024-05-01 13:45:07")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(SqliteTemporalText.date("-0001-05-01")).isEqualTo(LocalDate.of(-1, 5, 1));
        assertThat(SqliteTemporalText.time("13:45")).isEqualTo(LocalTime.of(13, 45));
        assertThat(SqliteTemporalText.time("13:45:07")).isEqualTo(LocalTime.of(13, 45, 7));
        assertThat(SqliteTemporalText.time("13:45:07.000001")).isEqualTo(LocalTime.of(13, 45, 7, 1000));
        assertThatThrownBy(() -> SqliteTemporalText.time("1:45")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> SqliteTemporalText.date("2024-05-0")).isInstanceOf(java.time.DateTimeException.class);
    }

    @Test
    void readsBackWhatTheDialectWrites() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime t = LocalDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24),
                    random.nextInt(60), random.nextInt(60), i % 2 == 0 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000));
            assertThat(SqliteTemporalText.timestamp(SqliteText.timestamp(t))).isEqualTo(t);
            assertThat(SqliteTemporalText.timestamp(SqliteText.timestamp(t).getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(t);
            assertThat(SqliteTemporalText.time(SqliteText.time(t.toLocalTime()))).isEqualTo(t.toLocalTime());
            assertThat(SqliteTemporalText.timestamp(SqliteDialect.TIMESTAMP_TEXT.format(t).replace(' ', 'T') + "Z")).isEqualTo(t);
        }
    }
}

package dev.modelrepo.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The hand-written SQLite date-time text is exactly what the formatter writes. */
class SqliteTextTests {

    @Test
    void writesTheSameTextAsTheFormatter() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime t = LocalDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24),
                    random.nextInt(60), random.nextInt(60), switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    });
            assertThat(SqliteText.timestamp(t)).isEqualTo(SqliteDialect.TIMESTAMP_TEXT.format(t));
            LocalTime time = t.toLocalTime();
            assertThat(SqliteText.time(time)).isEqualTo(SqliteDialect.TIME_TEXT.format(time));
        }
        LocalDateTime far = LocalDateTime.of(12_345, 6, 7, 8, 9, 10, 500_000_000);
        assertThat(SqliteText.timestamp(far)).isEqualTo(SqliteDialect.TIMESTAMP_TEXT.format(far));
    }
}

package dev.modelrepo.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A REAL read for a DECIMAL(p, s) column without text is the number the text path reads, at the declared scale, or left to that path. */
class SqliteDecimalsTests {

    @Test
    void theArithmeticPathEqualsTheTextPathOrDeclines() {
        Random random = new Random(11);
        int taken = 0;
        for (int i = 0; i < 200_000; i++) {
            int scale = 1 + random.nextInt(6);
            double value = switch (i % 4) {
                case 0 -> BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, scale).doubleValue();   // a decimal of that scale
                case 1 -> BigDecimal.valueOf(random.nextInt(1000), random.nextInt(scale + 1)).doubleValue();   // fewer digits
                case 2 -> random.nextDouble() * 1e6;                                                   // more digits than the scale
                default -> BigDecimal.valueOf(random.nextLong(), scale).doubleValue();                 // past 2^52 too
            };
            BigDecimal fast = SqliteDecimals.atScale(value, SqliteDecimals.POWERS_OF_TEN[scale], scale);
            if (fast != null) {
                taken++;
                // the same number at the declared scale (the text path can keep a scale of 7 for 6.0E-6, "6.0E-6" being its text)
                assertThat(fast).as(value + " at scale " + scale).isEqualByComparingTo(BigDecimal.valueOf(value));
                assertThat(fast.scale()).isEqualTo(scale);
            }
        }
        assertThat(taken).as("the arithmetic path is taken for decimals of the scale").isGreaterThan(90_000);
        assertThat(SqliteDecimals.atScale(1.234, 100, 2)).isNull();
        assertThat(SqliteDecimals.atScale(Double.NaN, 100, 2)).isNull();
        assertThat(SqliteDecimals.atScale(-0.0, 100, 2)).isEqualTo(new BigDecimal("0.00"));
        assertThat(SqliteDecimals.atScale(12.3, 100, 2)).isEqualTo(new BigDecimal("12.30"));
    }
}

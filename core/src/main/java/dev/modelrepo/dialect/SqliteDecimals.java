package dev.modelrepo.dialect;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.types.ColumnReader;

/**
 * Reads SQLite's decimals: NUMERIC affinity stores {@code 12.30} as the REAL 12.3 (or an integer, or text when no
 * number holds it exactly), so the declared scale is restored, from a REAL without going through text where exact.
 */
final class SqliteDecimals {

    private SqliteDecimals() {
    }

    static ColumnReader reader(int scale) {
        long unit = scale > 0 && scale < 16 ? POWERS_OF_TEN[scale] : 0;
        return (rs, i) -> {
            Object v = rs.getObject(i);
            if (v == null) {
                return null;
            }
            if (v instanceof Double dbl && unit != 0) {
                BigDecimal exact = atScale(dbl, unit, scale);
                if (exact != null) {
                    return exact;
                }
            }
            BigDecimal d = v instanceof Double dbl ? BigDecimal.valueOf(dbl)
                    : v instanceof Number n ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(v.toString());
            // SQLite keeps 12.30 as the REAL 12.3; restore the declared scale when that is exact.
            if (scale > 0 && d.scale() < scale) {
                d = d.setScale(scale, RoundingMode.UNNECESSARY);
            }
            return d;
        };
    }

    static final long[] POWERS_OF_TEN = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
        1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L};

    /**
     * The REAL as the decimal of the column's scale without going through text: {@code unscaled / 10^scale} when that
     * decimal is the one the double was rounded from (it rounds back to it) and unique (|unscaled| under 2^52, where
     * no two decimals of that scale share a double), else null for the text path ({@code BigDecimal.valueOf}).
     */
    static @Nullable BigDecimal atScale(double value, long unit, int scale) {
        double scaled = value * unit;
        if (!(Math.abs(scaled) < 0x1p52)) {
            return null;
        }
        long unscaled = Math.round(scaled);
        return (double) unscaled / unit == value ? BigDecimal.valueOf(unscaled, scale) : null;
    }
}

package dev.modelrepo.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Converts a Java value to the Java type of a {@link ColumnKind}, accepting only lossless conversions
 * (an {@code Integer} for a BIGINT column, a {@code long} that fits for an INT column, an
 * {@code Instant} for a TIMESTAMP column read in UTC). Anything else is refused with
 * {@link ValueTypeException}.
 */
public final class ValueConverter {

    private ValueConverter() {
    }

    /**
     * Converts {@code value} for a column of {@code kind}.
     * @throws ValueTypeException when the value cannot represent a value of that kind exactly
     */
    public static @Nullable Object convert(@Nullable Object value, ColumnKind kind) {
        if (value == null) {
            return null;
        }
        Object converted = lossless(value, kind);
        if (converted == null) {
            throw new ValueTypeException(value, kind);
        }
        return converted;
    }

    /** The value as the kind's Java type when that is exact, else null (the hot path of every conversion). */
    static @Nullable Object lossless(Object value, ColumnKind kind) {
        return switch (kind) {
            case INTEGER -> toInteger(value);
            case BIGINT -> toLong(value);
            case DECIMAL -> toDecimal(value);
            case DOUBLE -> toDouble(value);
            case BOOLEAN -> value instanceof Boolean ? value : null;
            case STRING, JSON -> toText(value);
            case DATE -> toDate(value);
            case TIME -> toTime(value);
            case TIMESTAMP -> toTimestamp(value);
            case TIMESTAMP_TZ -> toOffset(value);
            case BYTES -> value instanceof byte[] ? value : null;
            case UUID -> toUuid(value);
            case ARRAY -> ArrayValues.toArray(value);
            case BIGINT_UNSIGNED -> toUnsigned(value);
            case SET -> toSet(value);
            case OTHER -> value;
        };
    }

    private static @Nullable Object toInteger(Object v) {
        if (v instanceof Integer) {
            return v;
        }
        if (v instanceof Short || v instanceof Byte) {
            return ((Number) v).intValue();
        }
        if (v instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        if (v instanceof Year y) {
            return y.getValue();
        }
        if (v instanceof BigInteger || v instanceof BigDecimal) {
            try {
                return new BigDecimal(v.toString()).intValueExact();
            }
            catch (ArithmeticException ex) {
                return null;
            }
        }
        return null;
    }

    private static @Nullable Object toLong(Object v) {
        if (v instanceof Long) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger || v instanceof BigDecimal) {
            try {
                return new BigDecimal(v.toString()).longValueExact();
            }
            catch (ArithmeticException ex) {
                return null;
            }
        }
        return null;
    }

    private static final BigInteger UNSIGNED_LIMIT = BigInteger.ONE.shiftLeft(64);

    private static @Nullable Object toUnsigned(Object v) {
        BigInteger b;
        if (v instanceof BigInteger big) {
            b = big;
        }
        else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            b = BigInteger.valueOf(((Number) v).longValue());
        }
        else if (v instanceof BigDecimal d) {
            try {
                b = d.toBigIntegerExact();
            }
            catch (ArithmeticException ex) {
                return null;
            }
        }
        else {
            return null;
        }
        return b.signum() >= 0 && b.compareTo(UNSIGNED_LIMIT) < 0 ? b : null;
    }

    /** A SET's text: the members comma-separated, from the text itself or from a collection or array of members. */
    private static @Nullable Object toSet(Object v) {
        if (v instanceof CharSequence) {
            return v.toString();
        }
        Object[] members = v instanceof Collection<?> c ? c.toArray() : v instanceof Object[] a ? a : null;
        if (members == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Object member : members) {
            Object text = member == null ? null : toText(member);
            if (text == null || text.toString().indexOf(',') >= 0) {
                return null;
            }
            sb.append(sb.length() == 0 ? "" : ",").append(text);
        }
        return sb.toString();
    }

    private static @Nullable Object toDecimal(Object v) {
        if (v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        return null;
    }

    private static @Nullable Object toDouble(Object v) {
        if (v instanceof Double) {
            return v;
        }
        if (v instanceof Float f) {
            // Through the decimal text, so 1.1f stays 1.1 rather than 1.100000023841858.
            return Double.valueOf(f.toString());
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Long l && Math.abs(l) <= (1L << 53)) {
            return l.doubleValue();
        }
        if (v instanceof BigDecimal b) {
            return b.doubleValue();
        }
        return null;
    }

    private static @Nullable Object toText(Object v) {
        if (v instanceof String) {
            return v;
        }
        if (v instanceof CharSequence || v instanceof Character) {
            return v.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        return null;
    }

    private static @Nullable Object toDate(Object v) {
        if (v instanceof LocalDate) {
            return v;
        }
        if (v instanceof Date d) {
            return d.toLocalDate();
        }
        return null;
    }

    private static @Nullable Object toTime(Object v) {
        if (v instanceof LocalTime) {
            return v;
        }
        if (v instanceof Time t) {
            return t.toLocalTime();
        }
        return null;
    }

    private static @Nullable Object toTimestamp(Object v) {
        if (v instanceof LocalDateTime) {
            return v;
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (v instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (v instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        return null;
    }

    private static @Nullable Object toOffset(Object v) {
        if (v instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (v instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (v instanceof ZonedDateTime z) {
            return z.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (v instanceof LocalDateTime l) {
            return l.atOffset(ZoneOffset.UTC);
        }
        if (v instanceof Timestamp t) {
            return OffsetDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
        }
        return null;
    }

    private static @Nullable Object toUuid(Object v) {
        if (v instanceof UUID) {
            return v;
        }
        if (v instanceof String s) {
            try {
                return UUID.fromString(s);
            }
            catch (IllegalArgumentException ex) {
                return null;
            }
        }
        return null;
    }
}

package dev.modelrepo.types;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.types.ValueTypeException.Reason;

/** The wording of {@link ValueTypeException}s: what the value is not, and what was expected, for people. */
final class ValueMessages {

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);

    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private ValueMessages() {
    }

    static String detail(Object value, ColumnKind kind, Reason reason) {
        String shown = show(value);
        return switch (reason) {
            case OUT_OF_RANGE -> shown + " is out of range for " + kind;
            case LOSSY -> shown + " cannot be stored in " + kind + " without loss";
            case NOT_CONVERTIBLE -> kind == ColumnKind.OTHER ? shown + " cannot be converted"
                    : shown + " is not " + noun(kind) + " (expected " + expected(value, kind) + ")";
        };
    }

    /** Why a number does not fit an integral or floating kind; every other refusal is {@code NOT_CONVERTIBLE}. */
    private static final BigDecimal UNSIGNED_MAX = new BigDecimal(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));

    static Reason reasonFor(Object value, ColumnKind kind) {
        BigDecimal number = value instanceof Number n ? decimal(n) : null;
        if (number == null) {
            return Reason.NOT_CONVERTIBLE;
        }
        return switch (kind) {
            case INTEGER -> integral(number, INT_MIN, INT_MAX);
            case BIGINT -> integral(number, LONG_MIN, LONG_MAX);
            case BIGINT_UNSIGNED -> integral(number, BigDecimal.ZERO, UNSIGNED_MAX);
            case DOUBLE -> value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal
                    ? Reason.LOSSY : Reason.NOT_CONVERTIBLE;
            default -> Reason.NOT_CONVERTIBLE;
        };
    }

    /** Whether a whole number lies within [min, max]. */
    static boolean inRange(BigDecimal number, BigDecimal min, BigDecimal max) {
        return number.compareTo(min) >= 0 && number.compareTo(max) <= 0;
    }

    static boolean whole(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private static Reason integral(BigDecimal number, BigDecimal min, BigDecimal max) {
        if (!whole(number)) {
            return Reason.LOSSY;
        }
        return inRange(number, min, max) ? Reason.NOT_CONVERTIBLE : Reason.OUT_OF_RANGE;
    }

    private static @Nullable BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if ((n instanceof Double || n instanceof Float) && !Double.isFinite(n.doubleValue())) {
            return null;
        }
        return new BigDecimal(n.toString());
    }

    private static String show(Object value) {
        if (value instanceof CharSequence text) {
            return "\"" + ValueTypeException.abbreviate(text) + "\"";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return ValueTypeException.abbreviate(value) + " (" + value.getClass().getName() + ")";
    }

    private static String noun(ColumnKind kind) {
        return switch (kind) {
            case INTEGER, BIGINT -> "an integer";
            case BIGINT_UNSIGNED -> "an integer from 0 to 2^64-1";
            case SET -> "SET members (text or a collection of texts without commas)";
            case DECIMAL -> "a decimal number";
            case DOUBLE -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "text";
            case JSON -> "JSON text";
            case DATE -> "a date";
            case TIME -> "a time";
            case TIMESTAMP -> "a timestamp";
            case TIMESTAMP_TZ -> "a timestamp with an offset";
            case BYTES -> "binary data";
            case UUID -> "a UUID";
            case ARRAY -> "a list";
            case OTHER -> "a value";
        };
    }

    /** For text, the format it must have; for other values, the Java type. */
    private static String expected(Object value, ColumnKind kind) {
        if (value instanceof CharSequence) {
            String format = switch (kind) {
                case DATE -> "yyyy-MM-dd";
                case TIME -> "HH:mm[:ss[.SSSSSS]]";
                case TIMESTAMP, TIMESTAMP_TZ -> "yyyy-MM-ddTHH:mm[:ss[.SSSSSS]][Z|+hh:mm]";
                case BOOLEAN -> "true, false, 1 or 0";
                case UUID -> "8-4-4-4-12 hex digits, like 123e4567-e89b-12d3-a456-426614174000";
                default -> null;
            };
            if (format != null) {
                return format;
            }
        }
        Class<?> type = kind.javaType();
        return type.isArray() ? type.getSimpleName() : type.getName();
    }
}

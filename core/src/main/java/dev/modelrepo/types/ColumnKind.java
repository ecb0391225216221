package dev.modelrepo.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The portable type family of a column: the same declared type maps to the same kind, and so to the same
 * Java type, on every engine (see the "Types" table of the design).
 */
public enum ColumnKind {
    INTEGER(Integer.class),
    BIGINT(Long.class),
    DECIMAL(BigDecimal.class),
    DOUBLE(Double.class),
    BOOLEAN(Boolean.class),
    STRING(String.class),
    DATE(LocalDate.class),
    TIME(LocalTime.class),
    TIMESTAMP(LocalDateTime.class),
    TIMESTAMP_TZ(OffsetDateTime.class),
    BYTES(byte[].class),
    UUID(UUID.class),
    JSON(String.class),
    ARRAY(Object[].class),
    /** An unsigned 64-bit integer (MySQL/MariaDB {@code BIGINT UNSIGNED}), which a long cannot hold. */
    BIGINT_UNSIGNED(BigInteger.class),
    /** A MySQL/MariaDB {@code SET}: its members comma-separated, written from a String or a collection of members. */
    SET(String.class),
    /** A type modelrepo does not know; values pass through as the driver gives them. */
    OTHER(Object.class);

    private final Class<?> javaType;

    ColumnKind(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The kind whose Java type a value has (OTHER when none, STRING for null). */
    public static ColumnKind ofValue(@org.jspecify.annotations.Nullable Object value) {
        if (value == null) {
            return STRING;
        }
        for (ColumnKind kind : values()) {
            if (kind != JSON && kind.javaType.isInstance(value) && kind != OTHER) {
                return kind;
            }
        }
        return OTHER;
    }

    /** The Java type values of this kind are read as and converted to. */
    public Class<?> javaType() {
        return javaType;
    }
}

package dev.modelrepo.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Typed reads of a model's columns: {@code post.getLong("author_id")} instead of {@code ((Number) post.get("author_id"))
 * .longValue()}. Each converts only where no information is lost (an Integer read as Long, a whole Double as Long)
 * and otherwise fails with a {@code ValueTypeException} naming the model and the column; null stays null.
 */
public interface ColumnValues {

    /** The value of a column converted to {@code type} when that is lossless. */
    <T> @Nullable T get(String column, Class<T> type);

    /** The primary-key value. */
    @Nullable Object id();

    default @Nullable String getString(String column) {
        return get(column, String.class);
    }

    default @Nullable Integer getInteger(String column) {
        return get(column, Integer.class);
    }

    default @Nullable Long getLong(String column) {
        return get(column, Long.class);
    }

    default @Nullable BigDecimal getDecimal(String column) {
        return get(column, BigDecimal.class);
    }

    default @Nullable Double getDouble(String column) {
        return get(column, Double.class);
    }

    default @Nullable Boolean getBoolean(String column) {
        return get(column, Boolean.class);
    }

    default @Nullable LocalDate getDate(String column) {
        return get(column, LocalDate.class);
    }

    default @Nullable LocalTime getTime(String column) {
        return get(column, LocalTime.class);
    }

    default @Nullable LocalDateTime getTimestamp(String column) {
        return get(column, LocalDateTime.class);
    }

    default @Nullable OffsetDateTime getOffsetTimestamp(String column) {
        return get(column, OffsetDateTime.class);
    }

    default @Nullable UUID getUuid(String column) {
        return get(column, UUID.class);
    }

    default byte @Nullable [] getBytes(String column) {
        return get(column, byte[].class);
    }

    /** The primary-key value as a long (an integer key of any width), or null for a model not stored yet. */
    default @Nullable Long idAsLong() {
        Object id = id();
        if (id == null || id instanceof Long) {
            return (Long) id;
        }
        if (id instanceof Integer || id instanceof Short || id instanceof Byte) {
            return ((Number) id).longValue();
        }
        if (id instanceof java.math.BigInteger big && big.bitLength() < Long.SIZE) {
            return big.longValue();
        }
        throw new IllegalStateException("The key of " + getClass().getSimpleName() + " is a " + id.getClass().getName() + " (" + id
                + "), not an integer that fits a long: use id()");
    }
}

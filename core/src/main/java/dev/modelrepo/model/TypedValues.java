package dev.modelrepo.model;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueConverter;
import dev.modelrepo.types.ValueTypeException;

/** The lossless conversions of {@link Model#get(String, Class)}: an Integer read as Long, a whole Double as Long. */
final class TypedValues {

    private TypedValues() {
    }

    /** The value as {@code type}, or a {@link ValueTypeException} naming the column ({@code Film.length}). */
    static <T> @Nullable T as(@Nullable Object value, Class<T> type, String column) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        for (ColumnKind kind : ColumnKind.values()) {
            if (kind.javaType() == type) {
                try {
                    return type.cast(ValueConverter.convert(value, kind));
                }
                catch (ValueTypeException ex) {
                    throw ex.describe("column " + column);
                }
            }
        }
        throw new ValueTypeException(value, ColumnKind.OTHER).describe("column " + column + " read as " + type.getName());
    }
}

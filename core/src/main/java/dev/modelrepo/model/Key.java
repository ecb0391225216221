package dev.modelrepo.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;
import dev.modelrepo.types.ValueConverter;

/**
 * A primary-key value: each key column with its value, one entry for a single-column key, several for a composite one
 * ({@code Key.of("actor_id", 1, "film_id", 23)}). Immutable. Column names are matched case-insensitively and kept in
 * lower case. Two keys are equal when they hold the same columns with equal values, whatever the order: integral
 * numbers compare by value whatever their Java type (an INT foreign key equals a BIGINT key), decimals by value
 * ({@code 1.50} equals {@code 1.5}), byte arrays by content. A model's {@link Model#key()} holds its values converted
 * to their columns' types.
 */
public final class Key {

    private final String[] columns;

    private final @Nullable Object[] values;

    private Key(String[] columns, @Nullable Object[] values) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("A key needs at least one column");
        }
        for (int i = 0; i < columns.length; i++) {
            String name = Objects.requireNonNull(columns[i], "a key column name must not be null").toLowerCase(Locale.ROOT);
            for (int j = 0; j < i; j++) {
                if (columns[j].equals(name)) {
                    throw new IllegalArgumentException("The key column '" + name + "' is given twice");
                }
            }
            columns[i] = name;
        }
        this.columns = columns;
        this.values = values;
    }

    /** A single-column key. */
    public static Key of(String column, @Nullable Object value) {
        return new Key(new String[] { column }, new Object[] { value });
    }

    /**
     * A key of column/value pairs: {@code Key.of("actor_id", 1, "film_id", 23)}.
     *
     * @param more further pairs, each a column name (a String) followed by its value
     */
    public static Key of(String column, @Nullable Object value, @Nullable Object... more) {
        if (more.length % 2 != 0) {
            throw new IllegalArgumentException("Key.of takes column/value pairs; the last column has no value: " + Arrays.toString(more));
        }
        String[] names = new String[1 + more.length / 2];
        Object[] values = new Object[names.length];
        names[0] = column;
        values[0] = value;
        for (int i = 0; i < more.length; i += 2) {
            if (!(more[i] instanceof String name)) {
                throw new IllegalArgumentException("Key.of takes column/value pairs; argument " + (i + 3) + " is not a column name: " + more[i]);
            }
            names[1 + i / 2] = name;
            values[1 + i / 2] = more[i + 1];
        }
        return new Key(names, values);
    }

    /** A key of the map's entries (column → value), in the map's order. */
    public static Key of(Map<String, ?> values) {
        Objects.requireNonNull(values, "values must not be null");
        return new Key(values.keySet().toArray(String[]::new), values.values().toArray());
    }

    /** A key of these columns with these values, by position. */
    public static Key of(List<String> columns, List<?> values) {
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException("A key needs one value per column: " + columns + " and " + values);
        }
        return new Key(columns.toArray(String[]::new), values.toArray());
    }

    /** The key of a model whose table is known: its values of the primary-key columns, converted to their types. */
    static Key ofModel(Model model, TableMetadata table) {
        List<ColumnMetadata> pk = dev.modelrepo.model.internal.KeyColumns.require(model.modelName(), table, "have a key");
        String[] names = new String[pk.size()];
        Object[] values = new Object[pk.size()];
        for (int i = 0; i < names.length; i++) {
            ColumnMetadata column = pk.get(i);
            names[i] = column.name();
            values[i] = ValueConverter.convert(model.get(column.name()), column.kind());
        }
        return new Key(names, values);
    }

    /** The key columns in lower case, in key order. */
    public List<String> columns() {
        return List.of(columns);
    }

    /** The values in the order of {@link #columns()} (null where a new model has no value yet). */
    public List<@Nullable Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    /** The number of key columns. */
    public int size() {
        return columns.length;
    }

    /** Whether the key has this column (case-insensitive). */
    public boolean has(String column) {
        return indexOf(column) >= 0;
    }

    /** The value of a key column (case-insensitive), failing when the key has no such column. */
    public @Nullable Object get(String column) {
        int i = indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("The key " + this + " has no column '" + column + "'");
        }
        return values[i];
    }

    /** The columns and values as an ordered map. */
    public Map<String, @Nullable Object> toMap() {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i++) {
            map.put(columns[i], values[i]);
        }
        return map;
    }

    private int indexOf(String column) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof Key that) || that.columns.length != columns.length) {
            return false;
        }
        for (int i = 0; i < columns.length; i++) {
            int j = columns[i].equals(that.columns[i]) ? i : that.indexOf(columns[i]);
            if (j < 0 || !Objects.equals(comparable(values[i]), comparable(that.values[j]))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < columns.length; i++) {
            hash += columns[i].hashCode() ^ Objects.hashCode(comparable(values[i]));   // order-insensitive, as a map's
        }
        return hash;
    }

    /** The value as keys compare it: integral numbers as Long (or BigInteger beyond), decimals without trailing zeros. */
    private static @Nullable Object comparable(@Nullable Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b) {
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (value instanceof BigDecimal d) {
            BigDecimal stripped = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
            if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 19) {
                return stripped.longValueExact();
            }
            return stripped;
        }
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        return value;
    }

    /** {@code Key[actor_id=1, film_id=23]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Key[");
        for (int i = 0; i < columns.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(columns[i]).append('=').append(values[i] instanceof byte[] b ? Arrays.toString(b) : values[i]);
        }
        return sb.append(']').toString();
    }
}

package dev.modelrepo.bulk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.Key;
import dev.modelrepo.model.internal.KeyColumns;
import dev.modelrepo.schema.ColumnMetadata;

/**
 * The primary key of the rows of a bulk operation as one value per row, to match rows with models or find a key given
 * twice: a single-column key's value as it is, or a {@link Key} of a composite key's values (equal across integer
 * widths, so a value read back matches the one bound).
 */
final class BulkKeys {

    private final List<ColumnMetadata> key;

    private final List<String> names;

    BulkKeys(List<ColumnMetadata> key) {
        this.key = key;
        this.names = KeyColumns.names(key);
    }

    List<ColumnMetadata> columns() {
        return key;
    }

    int size() {
        return key.size();
    }

    /** The key of one row whose key column {@code i} has the value {@code valueAt(i)}. */
    @Nullable Object of(IntFunction<@Nullable Object> valueAt) {
        if (key.size() == 1) {
            return valueAt.apply(0);
        }
        List<@Nullable Object> values = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            values.add(valueAt.apply(i));
        }
        return Key.of(names, values);
    }

    /** The key of row {@code row} of the chunk, whose key columns are its columns {@code 0..size-1}. */
    @Nullable Object of(Chunk chunk, int row) {
        return of(i -> chunk.value(row, i));
    }

    /** The key of the current row of {@code rs}, whose key columns are read from index {@code first} on, in key order. */
    @Nullable Object read(ResultSet rs, int first) throws SQLException {
        int[] at = new int[key.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = first + i;
        }
        return read(rs, at);
    }

    /** The key of the current row of {@code rs}, key column {@code i} read from index {@code at[i]}. */
    @Nullable Object read(ResultSet rs, int[] at) throws SQLException {
        if (key.size() == 1) {
            return key.get(0).reader().read(rs, at[0]);
        }
        List<@Nullable Object> values = new ArrayList<>(key.size());
        for (int i = 0; i < key.size(); i++) {
            values.add(key.get(i).reader().read(rs, at[i]));
        }
        return Key.of(names, values);
    }

    /** The value of key column {@code i} of a key made by this class. */
    @Nullable Object value(@Nullable Object ofKey, int i) {
        return key.size() == 1 ? ofKey : ((Key) ofKey).get(names.get(i));
    }

    /** The first key column without a value in row {@code row} of the chunk, or null. */
    @Nullable String missing(Chunk chunk, int row) {
        for (int i = 0; i < key.size(); i++) {
            if (chunk.value(row, i) == null) {
                return names.get(i);
            }
        }
        return null;
    }

    /** How messages name one key: {@code id=5}, or {@code Key[actor_id=1, film_id=23]}. */
    String describe(@Nullable Object value) {
        return key.size() == 1 ? names.get(0) + "=" + value : String.valueOf(value);
    }

    /** How messages name the key columns before a list of keys: {@code id}, or {@code key [actor_id, film_id]}. */
    String label() {
        return key.size() == 1 ? names.get(0) : "key " + names;
    }
}

package dev.modelrepo.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Dirty tracking by value for stored models: a column is dirty while its value differs from the one read from (or last
 * written to) the database, which is kept aside when the column is first changed.
 */
final class StoredValues {

    private StoredValues() {
    }

    /**
     * Whether setting own column {@code i} of a stored model to {@code value} leaves it as stored: then the column is
     * (or becomes again) clean and keeps the stored value. Otherwise the stored value is kept aside, before the
     * caller marks the column dirty.
     */
    static boolean unchanged(Model model, int i, @Nullable Object value) {
        BitSet dirty = model.dirty;
        boolean wasDirty = dirty != null && dirty.get(i);
        Object stored = wasDirty ? model.original[i] : model.values[i];
        if (same(stored, value)) {
            if (wasDirty) {
                model.values[i] = stored;
                model.original[i] = null;
                dirty.clear(i);
            }
            return true;
        }
        if (!wasDirty) {
            Object[] original = model.original;
            if (original == null || original.length < model.values.length) {
                model.original = original == null ? new Object[model.values.length] : Arrays.copyOf(original, model.values.length);
            }
            model.original[i] = model.values[i];
        }
        return false;
    }

    /** Equal as the database sees it: numbers by {@code compareTo} (1.99 is 1.990), instants on the time line, arrays by content. */
    static boolean same(@Nullable Object a, @Nullable Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.getClass() == b.getClass() && (a instanceof Integer || a instanceof Long || a instanceof String)) {
            return a.equals(b);   // the common kinds, without deepEquals' array checks
        }
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.isEqual(y);
        }
        return Objects.deepEquals(a, b);
    }
}

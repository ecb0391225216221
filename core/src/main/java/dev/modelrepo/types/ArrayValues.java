package dev.modelrepo.types;

import java.lang.reflect.Array;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * The elements of a value for an array column: a Java array (of objects or primitives, but not {@code byte[]}, which
 * is binary) or a collection, as an {@code Object[]} whose Java enums are their names, the form databases take them in.
 */
final class ArrayValues {

    private ArrayValues() {
    }

    /** The elements, or null when the value is no array or collection. */
    static Object @Nullable [] toArray(Object value) {
        Object[] items;
        if (value instanceof Collection<?> c) {
            items = c.toArray();
        }
        else if (value instanceof Object[] a) {
            items = a;
        }
        else if (value.getClass().isArray() && !(value instanceof byte[])) {
            items = new Object[Array.getLength(value)];
            for (int i = 0; i < items.length; i++) {
                items[i] = Array.get(value, i);
            }
            return items;
        }
        else {
            return null;
        }
        return withEnumNames(items);
    }

    /** The array itself when it holds no enum, else a copy with each enum replaced by its name. */
    private static Object[] withEnumNames(Object[] items) {
        Object[] out = items;
        for (int i = 0; i < items.length; i++) {
            if (items[i] instanceof Enum<?> e) {
                if (out == items) {
                    out = new Object[items.length];
                    System.arraycopy(items, 0, out, 0, items.length);
                }
                out[i] = e.name();
            }
        }
        return out;
    }
}

package dev.modelrepo.bulk.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.BulkSupport;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.Converters;
import dev.modelrepo.types.ValueTypeException;

/**
 * Reads the elements of a bulk call as rows of converted column values: each element must be a model of the
 * operation's type or a {@code Map} (keyed by column name), and each value must convert losslessly to its column's
 * kind. What does not fit is skipped or raised as a {@link MismatchedElement}, as the settings say.
 * Columns with a fixed value (timestamps the operation adds) take it on every row.
 */
final class RowSource implements BulkSupport.RowCursor {

    /** Marks a column whose value comes from the element. */
    static final Object FROM_ELEMENT = new Object();

    private final String operation;

    private final Class<?> type;

    private final List<?> elements;

    private final List<ColumnMetadata> columns;

    private final String[] keys;

    private final @Nullable Object[] fixed;

    private final boolean skip;

    private final List<Integer> skipped = new ArrayList<>();

    private int next;

    private int @Nullable [] origin;

    /**
     * @param keys the names the caller gave, used as Map keys (then the lower-case column name)
     * @param fixed per column: a value for every row, or {@link #FROM_ELEMENT}
     */
    RowSource(String operation, Class<?> type, List<?> elements, List<ColumnMetadata> columns, String[] keys,
            @Nullable Object[] fixed, boolean skipMismatches) {
        this.operation = operation;
        this.type = type;
        this.elements = elements;
        this.columns = columns;
        this.keys = keys;
        this.fixed = fixed;
        this.skip = skipMismatches;
    }

    List<ColumnMetadata> columns() {
        return columns;
    }

    /** Reports element {@code i} as the caller's index {@code origin[i]} (the elements are a selection of the caller's list). */
    RowSource origin(int[] origin) {
        this.origin = origin;
        return this;
    }

    private int reported(int index) {
        return origin == null ? index : origin[index];
    }

    /** Reads the next fitting element into {@code values} at {@code offset}; returns its index, or -1 at the end. */
    int nextRow(@Nullable Object[] values, int offset) {
        while (next < elements.size()) {
            int index = next++;
            Object element = elements.get(index);
            if (!(element instanceof Map<?, ?>) && !type.isInstance(element)) {
                if (skip) {
                    skipped.add(index);
                    continue;
                }
                throw new MismatchedElement(operation + ": element " + reported(index) + " is "
                        + (element == null ? "null" : "a " + element.getClass().getName()) + ", not a " + type.getSimpleName()
                        + " or a Map", reported(index), null);
            }
            if (read(element, index, values, offset)) {
                return reported(index);
            }
            skipped.add(index);
        }
        return -1;
    }

    @Override
    public boolean next(@Nullable Object[] values) {
        return nextRow(values, 0) >= 0;
    }

    /** How many elements have been read (rows returned and elements skipped). */
    int consumed() {
        return next;
    }

    /** The caller's index of the {@code n}th row returned (0-based). */
    int indexOfRow(long n) {
        long index = n;
        for (int s : skipped) {
            if (s <= index) {
                index++;
            }
            else {
                break;
            }
        }
        return reported((int) index);
    }

    /** Whether any element was skipped so far. */
    int skippedCount() {
        return skipped.size();
    }

    private boolean read(Object element, int index, @Nullable Object[] values, int offset) {
        Map<?, ?> map = element instanceof Map<?, ?> m ? m : null;
        Converters converters = map == null ? BulkEngine.ACCESS.converters((Model) element) : null;
        for (int i = 0; i < keys.length; i++) {
            ColumnMetadata column = columns.get(i);
            if (fixed[i] != FROM_ELEMENT) {
                values[offset + i] = fixed[i];
                continue;
            }
            Object raw;
            if (map != null) {
                raw = map.get(keys[i]);
                if (raw == null && !keys[i].equals(column.name())) {
                    raw = map.get(column.name());
                }
            }
            else {
                raw = ((Model) element).get(column.name());
                if (!converters.isEmpty()) {
                    raw = converters.deflate(column.name(), raw);
                }
            }
            try {
                values[offset + i] = column.convert(raw);
            }
            catch (ValueTypeException ex) {
                if (skip) {
                    return false;
                }
                throw new MismatchedElement(operation + ": element " + reported(index) + ", column " + column.name() + ": "
                        + ex.detail(), reported(index), ex.forColumn(type.getSimpleName(), column.name()));
            }
        }
        return true;
    }
}

package dev.modelrepo.dialect;

import java.util.Arrays;

import dev.modelrepo.types.ColumnKind;

/**
 * Lists bound as arrays: {@code x = ANY(?)} / {@code x <> ALL(?)}, and beyond the engine's largest array a
 * power-of-two number of arrays, {@code (x = ANY(?) OR x = ANY(?))} / {@code (x <> ALL(?) AND x <> ALL(?))}. The
 * values are split evenly, so no array is empty and NULLs compare as they do in one array.
 */
final class ArrayInList extends InListSupport {

    private final int maxElements;

    private final int keysPerStatement;

    ArrayInList(int maxElements) {
        this(maxElements, Integer.MAX_VALUE);
    }

    ArrayInList(int maxElements, int keysPerStatement) {
        this.maxElements = maxElements;
        this.keysPerStatement = keysPerStatement;
    }

    @Override
    public int keysPerStatement() {
        return keysPerStatement;
    }

    /** The number of arrays. */
    @Override
    public int variant(int size) {
        if (size <= maxElements) {
            return 1;
        }
        int arrays = (int) ((size + (long) maxElements - 1) / maxElements);
        return Integer.highestOneBit(arrays - 1) << 1;
    }

    @Override
    public String sql(String left, boolean negated, ColumnKind kind, int variant) {
        String one = left + (negated ? " <> ALL(?)" : " = ANY(?)");
        if (variant == 1) {
            return one;
        }
        StringBuilder sb = new StringBuilder(2 + variant * (one.length() + 5)).append('(');
        for (int i = 0; i < variant; i++) {
            sb.append(i == 0 ? "" : negated ? " AND " : " OR ").append(one);
        }
        return sb.append(')').toString();
    }

    @Override
    public Object[] values(Object[] items, ColumnKind kind, int variant) {
        if (variant == 1) {
            return new Object[] { items };
        }
        Object[] arrays = new Object[variant];
        for (int i = 0; i < variant; i++) {
            arrays[i] = Arrays.copyOfRange(items, (int) ((long) items.length * i / variant),
                    (int) ((long) items.length * (i + 1) / variant));
        }
        return arrays;
    }
}

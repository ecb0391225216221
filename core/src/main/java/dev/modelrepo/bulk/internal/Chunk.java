package dev.modelrepo.bulk.internal;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.BulkSupport;

/** The converted values of the rows of one statement (row-major), with each row's index in the caller's list. */
final class Chunk implements BulkSupport.Rows {

    private final int width;

    private @Nullable Object[] values;

    private int[] indexes;

    private int size;

    Chunk(int width, int capacity) {
        this.width = width;
        int initial = Math.max(1, Math.min(capacity, 1024));
        this.values = new Object[initial * width];
        this.indexes = new int[initial];
    }

    /** Empties the chunk for the next statement. */
    void clear() {
        Arrays.fill(values, 0, size * width, null);
        size = 0;
    }

    /** Reads the next row from the source into the chunk; false when the source is exhausted. */
    boolean add(RowSource source) {
        if (size == indexes.length) {
            indexes = Arrays.copyOf(indexes, size * 2);
            values = Arrays.copyOf(values, size * 2 * width);
        }
        int index = source.nextRow(values, size * width);
        if (index < 0) {
            return false;
        }
        indexes[size++] = index;
        return true;
    }

    @Override
    public int size() {
        return size;
    }

    int width() {
        return width;
    }

    @Override
    public @Nullable Object value(int row, int column) {
        return values[row * width + column];
    }

    /** The caller's index of a row. */
    int index(int row) {
        return indexes[row];
    }

    /** The values of one column of every row, for an array bind. */
    @Nullable Object[] column(int column) {
        Object[] out = new Object[size];
        for (int r = 0; r < size; r++) {
            out[r] = values[r * width + column];
        }
        return out;
    }

    /** A chunk of just one of this chunk's rows, to run it alone. */
    Chunk row(int row) {
        Chunk one = new Chunk(width, 1);
        System.arraycopy(values, row * width, one.values, 0, width);
        one.indexes[0] = indexes[row];
        one.size = 1;
        return one;
    }
}

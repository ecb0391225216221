package dev.modelrepo.model.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.TableMetadata;

/**
 * The shared, immutable shape of model rows produced by one query: value names in order (own columns in lower
 * case, joined ones as {@code alias.column}) and their index. Models hold a layout and an {@code Object[]}.
 */
public final class RowLayout {

    private final String modelName;

    private final @Nullable TableMetadata table;

    private final String[] names;

    private final Map<String, Integer> index;

    private final int ownColumns;

    /** Layouts up to this many names look a name up by identity first. */
    private static final int IDENTITY_SCAN = 16;

    public RowLayout(String modelName, @Nullable TableMetadata table, List<String> names, int ownColumns) {
        this.modelName = modelName;
        this.table = table;
        // interned: a column name written in code ("name") is then the same instance, and found on identity
        this.names = names.stream().map(String::intern).toArray(String[]::new);
        this.index = new HashMap<>(names.size() * 2);
        for (int i = 0; i < this.names.length; i++) {
            index.put(this.names[i], i);
        }
        this.ownColumns = ownColumns;
    }

    /** A layout of all the table's columns, in table order. */
    public static RowLayout ofTable(String modelName, TableMetadata table) {
        return new RowLayout(modelName, table, table.columnNames(), table.columns().size());
    }

    /** The index of a name, matched case-insensitively, or -1. */
    public int indexOf(String name) {
        String[] n = names;
        if (n.length <= IDENTITY_SCAN) {
            // a name written in code is the interned instance: a few reference compares beat hashing
            for (int i = 0; i < n.length; i++) {
                if (n[i] == name) {
                    return i;
                }
            }
        }
        Integer i = index.get(name);
        if (i == null) {
            i = index.get(name.toLowerCase(Locale.ROOT));
        }
        return i == null ? -1 : i;
    }

    public String name(int i) {
        return names[i];
    }

    public int size() {
        return names.length;
    }

    /** How many leading names are the model's own columns (the rest are joined values). */
    public int ownColumns() {
        return ownColumns;
    }

    public String modelName() {
        return modelName;
    }

    public @Nullable TableMetadata table() {
        return table;
    }

    @Override
    public String toString() {
        return modelName + Arrays.toString(names);
    }
}

package dev.modelrepo.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** A table or view as the database describes it: its columns in order and its primary key. */
public final class TableMetadata {

    private final String name;

    private final String storedName;

    private final @Nullable String storedSchema;

    private final boolean view;

    private final List<ColumnMetadata> columns;

    private final Map<String, ColumnMetadata> byName;

    private final List<ColumnMetadata> primaryKey;

    public TableMetadata(String storedName, @Nullable String storedSchema, boolean view, List<ColumnMetadata> columns) {
        this.name = storedName.toLowerCase(Locale.ROOT);
        this.storedName = storedName;
        this.storedSchema = storedSchema;
        this.view = view;
        this.columns = List.copyOf(columns);
        Map<String, ColumnMetadata> map = new HashMap<>();
        List<ColumnMetadata> pk = new ArrayList<>();
        for (ColumnMetadata column : columns) {
            map.put(column.name(), column);
            if (column.primaryKey()) {
                pk.add(column);
            }
        }
        this.byName = Collections.unmodifiableMap(map);
        this.primaryKey = List.copyOf(pk);
    }

    /** The table name in lower case. */
    public String name() {
        return name;
    }

    /** The name exactly as stored, used for quoting. */
    public String storedName() {
        return storedName;
    }

    /** The schema exactly as stored when the model names one, else null (the connection's current schema). */
    public @Nullable String storedSchema() {
        return storedSchema;
    }

    public boolean isView() {
        return view;
    }

    public List<ColumnMetadata> columns() {
        return columns;
    }

    /** The column of that name, matched case-insensitively, or null. */
    public @Nullable ColumnMetadata column(String name) {
        ColumnMetadata column = byName.get(name);
        return column != null ? column : byName.get(name.toLowerCase(Locale.ROOT));
    }

    public List<ColumnMetadata> primaryKey() {
        return primaryKey;
    }

    /** The column names in lower case, in table order. */
    public List<String> columnNames() {
        return columns.stream().map(ColumnMetadata::name).toList();
    }

    @Override
    public String toString() {
        return name + columnNames();
    }
}

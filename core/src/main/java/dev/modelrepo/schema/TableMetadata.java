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

    private final @Nullable String insertRule;

    public TableMetadata(String storedName, @Nullable String storedSchema, boolean view, List<ColumnMetadata> columns) {
        this(storedName, storedSchema, view, columns, List.of());
    }

    /**
     * A table whose primary-key columns are in {@code keyOrder} (stored names, as the database's key sequence lists
     * them); key columns it does not list follow in table order.
     */
    public TableMetadata(String storedName, @Nullable String storedSchema, boolean view, List<ColumnMetadata> columns,
            List<String> keyOrder) {
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
        pk.sort(java.util.Comparator.comparingInt(c -> keyOrder.contains(c.storedName()) ? keyOrder.indexOf(c.storedName()) : keyOrder.size()));
        this.primaryKey = List.copyOf(pk);
        this.insertRule = null;
    }

    private TableMetadata(TableMetadata table, @Nullable String insertRule) {
        this.name = table.name;
        this.storedName = table.storedName;
        this.storedSchema = table.storedSchema;
        this.view = table.view;
        this.columns = table.columns;
        this.byName = table.byName;
        this.primaryKey = table.primaryKey;
        this.insertRule = insertRule;
    }

    /** This table with INSERTs rewritten by that rule (see {@link #insertRule()}); the same table when null. */
    public TableMetadata withInsertRule(@Nullable String rule) {
        return rule == null && insertRule == null ? this : new TableMetadata(this, rule);
    }

    /**
     * The rule that rewrites INSERTs into this table so that the database refuses {@code INSERT … RETURNING} and
     * ignores it for COPY (PostgreSQL's rule-routed partitions), or null. Such a table is written by plain INSERTs
     * and read back by key.
     */
    public @Nullable String insertRule() {
        return insertRule;
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

    /** The primary-key columns in key order (empty when the table has none). */
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

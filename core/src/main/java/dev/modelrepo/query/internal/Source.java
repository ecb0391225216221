package dev.modelrepo.query.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;
import dev.modelrepo.model.internal.ModelInfo;

/** A table or subquery in a query's FROM/JOIN, known by an alias, with the columns it exposes. */
final class Source {

    /** A column a source exposes: its lower-case name, the name to quote, and metadata when it is a table column. */
    record Column(String name, String sqlName, @Nullable ColumnMetadata metadata) {
    }

    final String alias;

    final String describedAs;

    final @Nullable ModelInfo model;

    /** The table read (a model's, or one joined by name), or null for a subquery. */
    final @Nullable TableMetadata table;

    final Map<String, Column> columns = new LinkedHashMap<>();

    /** The SQL that qualifies this source's columns when not its quoted alias (the table, in UPDATE/DELETE). */
    @Nullable String qualifier;

    Source(String alias, String describedAs, @Nullable ModelInfo model) {
        this(alias, describedAs, model, model == null ? null : model.metadata());
    }

    private Source(String alias, String describedAs, @Nullable ModelInfo model, @Nullable TableMetadata table) {
        this.alias = alias;
        this.describedAs = describedAs;
        this.model = model;
        this.table = table;
    }

    static Source ofTable(String alias, ModelInfo model) {
        return withColumns(new Source(alias, model.name(), model), model.metadata());
    }

    /** A table joined by name, without a model class: its columns, no converters, no relations. */
    static Source ofPlainTable(String alias, TableMetadata table) {
        return withColumns(new Source(alias, "table " + table.name(), null, table), table);
    }

    private static Source withColumns(Source source, TableMetadata table) {
        for (ColumnMetadata c : table.columns()) {
            source.columns.put(c.name(), new Column(c.name(), c.storedName(), c));
        }
        return source;
    }

    @Nullable Column column(String name) {
        Column c = columns.get(name);
        return c != null ? c : columns.get(name.toLowerCase(Locale.ROOT));
    }

    List<String> columnNames() {
        return new ArrayList<>(columns.keySet());
    }
}

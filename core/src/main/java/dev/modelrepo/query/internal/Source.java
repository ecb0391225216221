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

    final Map<String, Column> columns = new LinkedHashMap<>();

    /** The SQL that qualifies this source's columns when not its quoted alias (the table, in UPDATE/DELETE). */
    @Nullable String qualifier;

    Source(String alias, String describedAs, @Nullable ModelInfo model) {
        this.alias = alias;
        this.describedAs = describedAs;
        this.model = model;
    }

    static Source ofTable(String alias, ModelInfo model) {
        Source source = new Source(alias, model.name(), model);
        for (ColumnMetadata c : model.metadata().columns()) {
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

    @Nullable TableMetadata table() {
        return model == null ? null : model.metadata();
    }
}

package dev.modelrepo.model.internal;

import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.TableMetadata;

/**
 * A model class bound to its table: what the class declares (table options, relations, converters), the table
 * metadata read from the database, the layout of a full row, and a cached constructor (no per-row reflective
 * lookups). Built by the model layer from the class's annotations.
 */
public final class ModelInfo {

    private final Class<?> type;

    private final TableOptions table;

    private final TableMetadata metadata;

    private final RowLayout fullLayout;

    private final Supplier<?> factory;

    private final Map<String, Relation> relations;

    private final Converters converters;

    /**
     * @param factory makes a new, empty instance of {@code type}
     * @param relations the declared relations by name, in declaration order
     */
    public ModelInfo(Class<?> type, TableOptions table, TableMetadata metadata, Supplier<?> factory,
            Map<String, Relation> relations, Converters converters) {
        this.type = type;
        this.table = table;
        this.metadata = metadata;
        this.fullLayout = RowLayout.ofTable(type.getSimpleName(), metadata);
        this.factory = factory;
        this.relations = relations;
        this.converters = converters;
    }

    /** The relation of that name, or null. */
    public @Nullable Relation relation(String name) {
        return relations.get(name);
    }

    public Map<String, Relation> relations() {
        return relations;
    }

    /** The model class; {@link ModelAccess#type} gives it typed. */
    public Class<?> type() {
        return type;
    }

    public String name() {
        return type.getSimpleName();
    }

    public TableOptions table() {
        return table;
    }

    public TableMetadata metadata() {
        return metadata;
    }

    public RowLayout fullLayout() {
        return fullLayout;
    }

    public Converters converters() {
        return converters;
    }

    public @Nullable String schema() {
        return table.schema();
    }

    /** A new, empty instance; {@link ModelAccess#newInstance} gives it typed. */
    Object newInstance() {
        return factory.get();
    }
}

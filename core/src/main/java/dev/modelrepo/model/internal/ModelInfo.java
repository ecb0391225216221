package dev.modelrepo.model.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.model.TableMetadata;
import dev.modelrepo.model.UnknownModelException;

/**
 * A model class bound to its table: the {@link Table} annotation, the table metadata read from the database,
 * the layout of a full row, and a cached constructor (no per-row reflective lookups).
 */
public final class ModelInfo {

    private final Class<? extends Model> type;

    private final Table table;

    private final TableMetadata metadata;

    private final RowLayout fullLayout;

    private final Constructor<? extends Model> constructor;

    private final java.util.Map<String, Relation> relations;

    public ModelInfo(Class<? extends Model> type, TableMetadata metadata) {
        this.type = type;
        this.table = annotation(type);
        this.metadata = metadata;
        this.fullLayout = RowLayout.ofTable(type.getSimpleName(), metadata);
        this.constructor = constructor(type);
        this.relations = relations(type);
    }

    /** The relations declared with {@code @BelongsTo} and {@code @HasMany}, by name. */
    public static java.util.Map<String, Relation> relations(Class<? extends Model> type) {
        java.util.Map<String, Relation> map = new java.util.LinkedHashMap<>();
        for (dev.modelrepo.model.BelongsTo b : type.getAnnotationsByType(dev.modelrepo.model.BelongsTo.class)) {
            map.put(b.as(), new Relation(b.as(), Relation.Kind.BELONGS_TO, type, b.model(), b.key()));
        }
        for (dev.modelrepo.model.HasMany h : type.getAnnotationsByType(dev.modelrepo.model.HasMany.class)) {
            map.put(h.as(), new Relation(h.as(), Relation.Kind.HAS_MANY, type, h.model(), h.foreignKey()));
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The relation of that name, or null. */
    public @Nullable Relation relation(String name) {
        return relations.get(name);
    }

    public java.util.Map<String, Relation> relations() {
        return relations;
    }

    /** The {@link Table} of a model class, or {@link UnknownModelException}. */
    public static Table annotation(Class<?> type) {
        Table table = type.getAnnotation(Table.class);
        if (table == null || !Model.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            throw new UnknownModelException(type);
        }
        return table;
    }

    private static Constructor<? extends Model> constructor(Class<? extends Model> type) {
        try {
            Constructor<? extends Model> c = type.getDeclaredConstructor();
            c.setAccessible(true);
            return c;
        }
        catch (NoSuchMethodException ex) {
            throw new UnknownModelException(type);
        }
    }

    public Class<? extends Model> type() {
        return type;
    }

    public String name() {
        return type.getSimpleName();
    }

    public Table table() {
        return table;
    }

    public TableMetadata metadata() {
        return metadata;
    }

    public RowLayout fullLayout() {
        return fullLayout;
    }

    public @Nullable String schema() {
        return table.schema().isEmpty() ? null : table.schema();
    }

    /** A new, empty instance. */
    public Model newInstance() {
        try {
            return constructor.newInstance();
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("Cannot instantiate model " + type.getName() + ": " + ex, ex);
        }
    }
}

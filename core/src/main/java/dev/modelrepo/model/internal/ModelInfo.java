package dev.modelrepo.model.internal;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.schema.TableMetadata;
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

    private final Supplier<Model> factory;

    private final java.util.Map<String, Relation> relations;

    public ModelInfo(Class<? extends Model> type, TableMetadata metadata) {
        this.type = type;
        this.table = annotation(type);
        this.metadata = metadata;
        this.fullLayout = RowLayout.ofTable(type.getSimpleName(), metadata);
        this.factory = factory(type);
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

    /**
     * The no-argument constructor as a {@link Supplier}: a generated lambda where this class may define one next
     * to the model (it is then as cheap as {@code new}), the reflective constructor otherwise (a model in a named
     * module that is not opened to modelrepo, or loaded by another class loader).
     */
    @SuppressWarnings("unchecked")
    private static Supplier<Model> factory(Class<? extends Model> type) {
        Constructor<? extends Model> c;
        try {
            c = type.getDeclaredConstructor();
            c.setAccessible(true);
        }
        catch (NoSuchMethodException | RuntimeException ex) {
            throw new UnknownModelException(type);
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            MethodHandle constructor = lookup.unreflectConstructor(c);
            return (Supplier<Model>) LambdaMetafactory.metafactory(lookup, "get", MethodType.methodType(Supplier.class),
                    MethodType.methodType(Object.class), constructor, MethodType.methodType(type)).getTarget().invoke();
        }
        catch (Throwable ex) {
            return () -> {
                try {
                    return c.newInstance();
                }
                catch (ReflectiveOperationException failed) {
                    throw new IllegalStateException("Cannot instantiate model " + type.getName() + ": " + failed, failed);
                }
            };
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
        return factory.get();
    }
}

package dev.modelrepo.model;

import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.Relation;
import dev.modelrepo.model.internal.TableOptions;
import dev.modelrepo.schema.TableMetadata;

/**
 * Reads what a model class declares ({@link Table}, {@link BelongsTo}, {@link HasMany}, {@link Convert}) into the
 * plain {@link ModelInfo} the layers above use.
 */
final class ModelDeclarations {

    private ModelDeclarations() {
    }

    /** The {@link Table} of a model class, or {@link UnknownModelException}. */
    static Table table(Class<?> type) {
        Table table = type.getAnnotation(Table.class);
        if (table == null || !Model.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            throw new UnknownModelException(type);
        }
        return table;
    }

    /** The model class bound to its table's metadata. */
    static ModelInfo info(Class<?> type, TableMetadata metadata) {
        Table table = table(type);
        Class<? extends Model> modelType = type.asSubclass(Model.class);
        TableOptions options = new TableOptions(table.name(), table.schema().isEmpty() ? null : table.schema(),
                table.version(), table.createdAt(), table.updatedAt(),
                java.util.Arrays.stream(table.readBack()).map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList());
        return new ModelInfo(modelType, options, metadata, ModelFactory.of(modelType), relations(modelType),
                DeclaredConverters.of(modelType));
    }

    /** The relations declared with {@code @BelongsTo} and {@code @HasMany}, by name. */
    private static Map<String, Relation> relations(Class<? extends Model> type) {
        Map<String, Relation> map = new LinkedHashMap<>();
        for (BelongsTo b : type.getAnnotationsByType(BelongsTo.class)) {
            map.put(b.as(), new Relation(b.as(), Relation.Kind.BELONGS_TO, type, b.model(), b.key()));
        }
        for (HasMany h : type.getAnnotationsByType(HasMany.class)) {
            map.put(h.as(), new Relation(h.as(), Relation.Kind.HAS_MANY, type, h.model(), h.foreignKey()));
        }
        return Collections.unmodifiableMap(map);
    }
}

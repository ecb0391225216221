package dev.modelrepo.model;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.InvalidDataAccessApiUsageException;

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
            map.put(b.as(), new Relation(b.as(), Relation.Kind.BELONGS_TO, type, b.model(), belongsToKey(type, b)));
        }
        for (HasMany h : type.getAnnotationsByType(HasMany.class)) {
            map.put(h.as(), new Relation(h.as(), Relation.Kind.HAS_MANY, type, h.model(),
                    keyColumns(type, "@HasMany", h.as(), h.foreignKey())));
        }
        return Collections.unmodifiableMap(map);
    }

    /** The foreign key of a belongs-to: {@code foreignKey} or its alias {@code key}, one of them given (or both the same). */
    private static List<String> belongsToKey(Class<?> type, BelongsTo b) {
        String[] key = b.foreignKey().length > 0 ? b.foreignKey() : b.key();
        if (b.foreignKey().length > 0 && b.key().length > 0 && !Arrays.equals(b.foreignKey(), b.key())) {
            throw new InvalidDataAccessApiUsageException("@BelongsTo(as = \"" + b.as() + "\") on " + type.getSimpleName()
                    + " names two foreign keys, foreignKey = " + Arrays.toString(b.foreignKey()) + " and key = " + Arrays.toString(b.key())
                    + ": give one of them (key is the other name of foreignKey)");
        }
        return keyColumns(type, "@BelongsTo", b.as(), key);
    }

    private static List<String> keyColumns(Class<?> type, String annotation, String as, String[] columns) {
        if (columns.length == 0 || Arrays.stream(columns).anyMatch(c -> c == null || c.isBlank())) {
            throw new InvalidDataAccessApiUsageException(annotation + "(as = \"" + as + "\") on " + type.getSimpleName()
                    + " needs its foreign-key columns, e.g. foreignKey = \"company_id\" or foreignKey = {\"actor_id\", \"film_id\"}; got "
                    + Arrays.toString(columns));
        }
        return Arrays.stream(columns).map(c -> c.toLowerCase(Locale.ROOT)).toList();
    }
}

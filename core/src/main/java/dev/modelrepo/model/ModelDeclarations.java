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
 * Reads what a model class declares ({@link Table}, {@link BelongsTo}, {@link HasOne}, {@link HasMany}, {@link Convert}) into the
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

    /** The relations a model class declares, read once per class. */
    private static final ClassValue<Map<String, Relation>> RELATIONS = new ClassValue<>() {
        @Override
        protected Map<String, Relation> computeValue(Class<?> type) {
            Map<String, Relation> map = new LinkedHashMap<>(direct(type));
            for (HasMany h : type.getAnnotationsByType(HasMany.class)) {
                if (!h.through().isEmpty()) {
                    put(map, type, through(type, h, map));
                }
            }
            return Collections.unmodifiableMap(map);
        }
    };

    /** The relations declared with {@code @BelongsTo}, {@code @HasOne} and {@code @HasMany}, by name. */
    static Map<String, Relation> relations(Class<?> type) {
        return RELATIONS.get(type);
    }

    /** The relations that hold their own key columns (not through a join model), by name. */
    private static Map<String, Relation> direct(Class<?> type) {
        Map<String, Relation> map = new LinkedHashMap<>();
        for (BelongsTo b : type.getAnnotationsByType(BelongsTo.class)) {
            put(map, type, new Relation(b.as(), Relation.Kind.BELONGS_TO, type, b.model(), belongsToKey(type, b)));
        }
        for (HasOne h : type.getAnnotationsByType(HasOne.class)) {
            put(map, type, new Relation(h.as(), Relation.Kind.HAS_ONE, type, h.model(), keyColumns(type, "@HasOne", h.as(), h.foreignKey())));
        }
        for (HasMany h : type.getAnnotationsByType(HasMany.class)) {
            if (h.through().isEmpty()) {
                put(map, type, new Relation(h.as(), Relation.Kind.HAS_MANY, type, h.model(),
                        keyColumns(type, "@HasMany", h.as(), h.foreignKey())));
            }
            else if (h.foreignKey().length > 0) {
                throw new InvalidDataAccessApiUsageException("@HasMany(as = \"" + h.as() + "\") on " + type.getSimpleName()
                        + " names both foreignKey = " + Arrays.toString(h.foreignKey()) + " and through = \"" + h.through()
                        + "\": the keys of a relation through a join model are those of its two relations, give through only");
            }
        }
        return map;
    }

    private static void put(Map<String, Relation> map, Class<?> type, Relation relation) {
        if (map.putIfAbsent(relation.name(), relation) != null) {
            throw new InvalidDataAccessApiUsageException(type.getSimpleName() + " declares two relations named '" + relation.name()
                    + "': " + map.get(relation.name()).declaration() + " and " + relation.declaration());
        }
    }

    /**
     * A has-many through a join model: {@code through} is a direct relation of this class, {@code source} a direct
     * relation of the join model to {@code model} (the one such relation when not named).
     */
    private static Relation through(Class<?> type, HasMany h, Map<String, Relation> own) {
        String where = "@HasMany(as = \"" + h.as() + "\", through = \"" + h.through() + "\") on " + type.getSimpleName();
        Relation via = own.get(h.through());
        if (via == null || via.isThrough()) {
            throw new InvalidDataAccessApiUsageException(where + " needs '" + h.through() + "' to be a @BelongsTo, @HasOne or direct"
                    + " @HasMany of " + type.getSimpleName() + "; its direct relations are " + direct(type).keySet());
        }
        Map<String, Relation> joinModel = direct(via.target());
        String joinName = via.target().getSimpleName();
        Relation source;
        if (!h.source().isEmpty()) {
            source = joinModel.get(h.source());
            if (source == null) {
                throw new InvalidDataAccessApiUsageException(where + " names source = \"" + h.source() + "\", which the join model "
                        + joinName + " does not declare; its relations are " + joinModel.keySet());
            }
            if (source.target() != h.model()) {
                throw new InvalidDataAccessApiUsageException(where + " names source = \"" + h.source() + "\", a relation of "
                        + joinName + " to " + source.target().getSimpleName() + ", not to " + h.model().getSimpleName());
            }
        }
        else {
            List<Relation> candidates = joinModel.values().stream().filter(r -> r.target() == h.model()).toList();
            if (candidates.size() != 1) {
                throw new InvalidDataAccessApiUsageException(where + " needs source = \"…\": the join model " + joinName + " has "
                        + (candidates.isEmpty() ? "no relation" : "several relations " + candidates.stream().map(Relation::name).toList())
                        + " to " + h.model().getSimpleName() + "; its relations are " + joinModel.keySet());
            }
            source = candidates.get(0);
        }
        return Relation.through(h.as(), type, h.model(), via.name(), source.name());
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

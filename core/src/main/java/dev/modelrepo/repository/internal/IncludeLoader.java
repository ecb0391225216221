package dev.modelrepo.repository.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.InListStrategy;
import dev.modelrepo.model.Key;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.UnknownRelationException;
import dev.modelrepo.model.internal.KeyColumns;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.Relation;
import dev.modelrepo.model.internal.RegistryAccess;
import dev.modelrepo.query.Condition;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.Order;
import dev.modelrepo.query.Q;

/**
 * Eager loading without N+1: for each relation level of {@code include("departments.employees")}, one query
 * selects the related rows of all loaded parents by key ({@code = ANY(?)}, or a padded IN chunked to half the
 * engine's bind limit; composite keys as OR-chains of 256 keys) and the results are attached to their parents.
 */
final class IncludeLoader {

    private static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    private static final RegistryAccess<ModelRegistry> REGISTRY = RegistryAccess.get(ModelRegistry.class);

    /** Composite keys per query at most: one OR-chain of this many key matches (SQLite nests an OR-chain 1000 deep at most). */
    private static final int COMPOSITE_KEYS_PER_QUERY = 256;


    private final ModelRegistry registry;

    private final BiFunction<ModelQuery<? extends Model>, Map<String, ?>, List<? extends Model>> lister;

    IncludeLoader(ModelRegistry registry, BiFunction<ModelQuery<? extends Model>, Map<String, ?>, List<? extends Model>> lister) {
        this.registry = registry;
        this.lister = lister;
    }

    public void load(List<? extends Model> parents, Class<?> parentType, List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        ModelInfo parent = REGISTRY.info(registry, parentType);
        if (parents.isEmpty()) {
            return;
        }
        Map<String, List<String>> byFirst = new LinkedHashMap<>();
        for (String path : paths) {
            int dot = path.indexOf('.');
            String first = dot < 0 ? path : path.substring(0, dot);
            List<String> rest = byFirst.computeIfAbsent(first, k -> new ArrayList<>());
            if (dot >= 0) {
                rest.add(path.substring(dot + 1));
            }
        }
        byFirst.forEach((name, rest) -> {
            Relation relation = parent.relation(name);
            if (relation == null) {
                throw new UnknownRelationException(parent.name() + " has no relation '" + name + "' to include; its relations are "
                        + parent.relations().keySet());
            }
            Map<Model, Object> loaded = fetch(parents, parent, relation);
            Map<Model, Boolean> targets = new IdentityHashMap<>();
            for (Model p : parents) {
                Object value = loaded.get(p);
                ACCESS.setRelated(p, relation.name(), value);
                for (Model target : models(value)) {
                    targets.put(target, Boolean.TRUE);
                }
            }
            load(new ArrayList<>(targets.keySet()), relation.target(), rest);
        });
    }

    /**
     * The related models of each parent, not yet attached: a list for a has-many (direct or through), the one model or
     * null otherwise; a parent without a key value maps to an empty list or null.
     */
    private Map<Model, Object> fetch(List<? extends Model> parents, ModelInfo parent, Relation relation) {
        if (!relation.isThrough()) {
            return relation.childKey() ? loadChildren(parents, parent, relation) : loadOwners(parents, relation);
        }
        // two chunked queries: the join model's rows of every parent, then the targets of those rows
        Relation via = parent.relation(relation.through());
        ModelInfo joinModel = REGISTRY.info(registry, via.target());
        Map<Model, Object> links = fetch(parents, parent, via);
        Map<Model, Boolean> distinct = new IdentityHashMap<>();
        links.values().forEach(v -> models(v).forEach(m -> distinct.put(m, Boolean.TRUE)));
        Map<Model, Object> targets = fetch(new ArrayList<>(distinct.keySet()), joinModel, joinModel.relation(relation.source()));
        Map<Model, Object> out = new IdentityHashMap<>();
        for (Model p : parents) {
            List<Model> list = new ArrayList<>();
            for (Model link : models(links.get(p))) {
                list.addAll(models(targets.get(link)));
            }
            out.put(p, list);
        }
        return out;
    }

    /** A loaded relation value as models: the list, the one model, or none. */
    @SuppressWarnings("unchecked")
    private static List<Model> models(@Nullable Object value) {
        return value instanceof List<?> list ? (List<Model>) list : value == null ? List.of() : List.of((Model) value);
    }

    /**
     * Checks that every relation of every include path exists, so that the repository can refuse a typo before it
     * runs any SQL (and also on an empty table, where nothing would be loaded).
     *
     * @throws UnknownRelationException naming the model, the unknown relation, the path and the relations that exist
     */
    public void validate(Class<?> rootType, List<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        ModelInfo root = REGISTRY.info(registry, rootType);
        for (String path : paths) {
            ModelInfo owner = root;
            for (String name : path.split("\\.")) {
                Relation relation = owner.relation(name);
                if (relation == null) {
                    throw new UnknownRelationException(owner.name() + " has no relation '" + name + "' to include (in include(\""
                            + path + "\") on " + root.name() + "); its relations are " + owner.relations().keySet());
                }
                owner = REGISTRY.info(registry, relation.target());
            }
        }
    }

    /** The children of each parent by their foreign key: a list (has-many), or the one child or null (has-one). */
    private Map<Model, Object> loadChildren(List<? extends Model> parents, ModelInfo parent, Relation relation) {
        List<String> pk = KeyColumns.names(KeyColumns.referenced(relation, parent));
        Set<Object> keys = new LinkedHashSet<>();
        for (Model p : parents) {
            Object key = keyOf(p, pk, pk);
            if (key != null) {
                keys.add(key);
            }
        }
        ModelInfo child = REGISTRY.info(registry, relation.target());
        List<String> order = child.metadata().primaryKey().isEmpty() ? relation.columns() : KeyColumns.names(child.metadata().primaryKey());
        Map<Object, List<Model>> byParent = new LinkedHashMap<>();
        for (List<Object> chunk : chunks(keys, pk.size())) {
            ModelQuery<? extends Model> q = byKeys(child, relation.columns(), pk, chunk)
                    .orderBy(order.stream().map(c -> Q.asc("i_." + c)).toArray(Order[]::new));
            for (Model c : lister.apply(q, params(chunk, pk.size()))) {
                byParent.computeIfAbsent(keyOf(c, relation.columns(), pk), k -> new ArrayList<>()).add(c);
            }
        }
        Map<Model, Object> out = new IdentityHashMap<>();
        for (Model p : parents) {
            List<Model> children = byParent.get(keyOf(p, pk, pk));
            if (relation.many()) {
                out.put(p, children == null ? new ArrayList<>() : children);
            }
            else if (children != null && children.size() > 1) {
                throw HasOneRows.twoRows(p, relation.name(), relation.columns(), children.get(0), children.get(1));
            }
            else {
                out.put(p, children == null ? null : children.get(0));
            }
        }
        return out;
    }

    /** The owner of each parent by the parent's foreign key, or null. */
    private Map<Model, Object> loadOwners(List<? extends Model> parents, Relation relation) {
        ModelInfo owner = REGISTRY.info(registry, relation.target());
        List<String> pk = KeyColumns.names(KeyColumns.referenced(relation, owner));
        Set<Object> keys = new LinkedHashSet<>();
        for (Model p : parents) {
            Object key = keyOf(p, relation.columns(), pk);
            if (key != null) {
                keys.add(key);
            }
        }
        Map<Object, Model> byKey = new LinkedHashMap<>();
        for (List<Object> chunk : chunks(keys, pk.size())) {
            for (Model o : lister.apply(byKeys(owner, pk, pk, chunk), params(chunk, pk.size()))) {
                byKey.put(keyOf(o, pk, pk), o);
            }
        }
        Map<Model, Object> out = new IdentityHashMap<>();
        for (Model p : parents) {
            out.put(p, byKey.get(keyOf(p, relation.columns(), pk)));
        }
        return out;
    }

    /**
     * The rows of {@code info} (aliased {@code i_}) whose {@code columns} hold one of the keys: {@code c IN (:keys)} for a
     * single column (one array or a padded list); for a composite key an OR-chain of column matches, one per key, padded to
     * a power of two by repeating the last key so that few SQL shapes are cached.
     */
    private static ModelQuery<? extends Model> byKeys(ModelInfo info, List<String> columns, List<String> names, List<Object> chunk) {
        ModelQuery<? extends Model> query = ModelQuery.from(ACCESS.type(info), "i_");
        if (columns.size() == 1) {
            return query.where(Q.in("i_." + columns.get(0), Q.param("keys")));
        }
        Condition[] alternatives = new Condition[padded(chunk.size())];
        for (int k = 0; k < alternatives.length; k++) {
            Key key = (Key) chunk.get(Math.min(k, chunk.size() - 1));
            Condition[] parts = new Condition[columns.size()];
            for (int c = 0; c < parts.length; c++) {
                parts[c] = Q.eq("i_." + columns.get(c), key.get(names.get(c)));
            }
            alternatives[k] = Q.and(parts);
        }
        return query.where(Q.or(alternatives));
    }

    private static Map<String, ?> params(List<Object> chunk, int width) {
        return width == 1 ? Map.of("keys", chunk) : Map.of();
    }

    /** The smallest power of two of at least {@code n}. */
    static int padded(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /**
     * The model's values of {@code columns} as one key: the normalized value of a single column, or a {@link Key} named
     * {@code names} (the referenced key's columns, so that a foreign key and the key it refers to compare equal); null when
     * a value is missing.
     */
    private static @Nullable Object keyOf(Model model, List<String> columns, List<String> names) {
        if (columns.size() == 1) {
            return normalize(model.get(columns.get(0)));
        }
        List<@Nullable Object> values = new ArrayList<>(columns.size());
        for (String column : columns) {
            Object value = model.get(column);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return Key.of(names, values);
    }

    private List<List<Object>> chunks(Set<Object> keys, int width) {
        List<Object> all = new ArrayList<>(keys);
        int chunk = width == 1 ? keysPerQuery(registry.dialect()) : compositeKeysPerQuery(registry.dialect(), width);
        if (all.size() <= chunk) {
            return all.isEmpty() ? List.of() : List.of(all);
        }
        List<List<Object>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += chunk) {
            chunks.add(all.subList(i, Math.min(all.size(), i + chunk)));
        }
        return chunks;
    }

    /** Composite keys per query: 256 (an OR-chain every engine plans as index lookups), within half the bind limit. */
    static int compositeKeysPerQuery(dev.modelrepo.dialect.Dialect dialect, int width) {
        return Math.max(1, Math.min(COMPOSITE_KEYS_PER_QUERY, Integer.highestOneBit(dialect.bulk().maxBindParameters() / 2 / width)));
    }

    /**
     * Keys per query: all of them where the list is one array bind, else half the engine's bind limit, so that the
     * padded list stays within it (SQLite: 16,383 of 32,766; MySQL/MariaDB: 32,767 of 65,535); fewer where the dialect
     * says a long list costs more than several short ones (H2: 128, as a long array can make it scan the table comparing every row with every key).
     */
    static int keysPerQuery(dev.modelrepo.dialect.Dialect dialect) {
        int limit = dialect.inListStrategy() == InListStrategy.ARRAY ? Integer.MAX_VALUE : dialect.bulk().maxBindParameters() / 2;
        return Math.min(limit, dialect.inLists().keysPerStatement());
    }

    /** Keys of different integer widths (an INT foreign key to a BIGINT key) compare equal. */
    static @Nullable Object normalize(@Nullable Object key) {
        if (key instanceof Integer || key instanceof Short || key instanceof Byte) {
            return ((Number) key).longValue();
        }
        return key;
    }
}

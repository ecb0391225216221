package dev.modelrepo.repository.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.InListStrategy;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.UnknownRelationException;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.Relation;
import dev.modelrepo.model.internal.RegistryAccess;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.Q;

/**
 * Eager loading without N+1: for each relation level of {@code include("departments.employees")}, one query
 * selects the related rows of all loaded parents by key ({@code = ANY(?)}, or a padded IN chunked to half the
 * engine's bind limit) and the results are attached to their parents.
 */
final class IncludeLoader {

    private static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    private static final RegistryAccess<ModelRegistry> REGISTRY = RegistryAccess.get(ModelRegistry.class);


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
            List<? extends Model> loaded = relation.kind() == Relation.Kind.HAS_MANY ? loadChildren(parents, parent, relation)
                    : loadOwners(parents, relation);
            load(loaded, relation.target(), rest);
        });
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

    private List<? extends Model> loadChildren(List<? extends Model> parents, ModelInfo parent, Relation relation) {
        String pk = parent.metadata().primaryKey().get(0).name();
        Set<Object> keys = new LinkedHashSet<>();
        for (Model p : parents) {
            Object key = p.get(pk);
            if (key != null) {
                keys.add(key);
            }
        }
        ModelInfo child = REGISTRY.info(registry, relation.target());
        String childPk = child.metadata().primaryKey().isEmpty() ? relation.column() : child.metadata().primaryKey().get(0).name();
        Map<Object, List<Model>> byParent = new LinkedHashMap<>();
        List<Model> all = new ArrayList<>();
        for (List<Object> chunk : chunks(keys)) {
            ModelQuery<? extends Model> q = ModelQuery.from(ACCESS.type(child), "i_").where(Q.in("i_." + relation.column(), Q.param("keys")))
                    .orderBy(Q.asc("i_." + childPk));
            for (Model c : lister.apply(q, Map.of("keys", chunk))) {
                byParent.computeIfAbsent(normalize(c.get(relation.column())), k -> new ArrayList<>()).add(c);
                all.add(c);
            }
        }
        for (Model p : parents) {
            List<Model> children = byParent.get(normalize(p.get(pk)));
            ACCESS.setRelated(p, relation.name(), children == null ? new ArrayList<>() : children);
        }
        return all;
    }

    private List<? extends Model> loadOwners(List<? extends Model> parents, Relation relation) {
        ModelInfo owner = REGISTRY.info(registry, relation.target());
        String pk = owner.metadata().primaryKey().get(0).name();
        Set<Object> keys = new LinkedHashSet<>();
        for (Model p : parents) {
            Object key = p.get(relation.column());
            if (key != null) {
                keys.add(key);
            }
        }
        Map<Object, Model> byKey = new LinkedHashMap<>();
        for (List<Object> chunk : chunks(keys)) {
            ModelQuery<? extends Model> q = ModelQuery.from(ACCESS.type(owner), "i_").where(Q.in("i_." + pk, Q.param("keys")));
            for (Model o : lister.apply(q, Map.of("keys", chunk))) {
                byKey.put(normalize(o.get(pk)), o);
            }
        }
        for (Model p : parents) {
            ACCESS.setRelated(p, relation.name(), byKey.get(normalize(p.get(relation.column()))));
        }
        return new ArrayList<>(byKey.values());
    }

    private List<List<Object>> chunks(Set<Object> keys) {
        List<Object> all = new ArrayList<>(keys);
        int chunk = keysPerQuery(registry.dialect());
        if (all.size() <= chunk) {
            return all.isEmpty() ? List.of() : List.of(all);
        }
        List<List<Object>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += chunk) {
            chunks.add(all.subList(i, Math.min(all.size(), i + chunk)));
        }
        return chunks;
    }

    /**
     * Keys per query: all of them where the list is one array bind, else half the engine's bind limit, so that the
     * padded list stays within it (SQLite: 16,383 of 32,766; MySQL/MariaDB: 32,767 of 65,535).
     */
    static int keysPerQuery(dev.modelrepo.dialect.Dialect dialect) {
        return dialect.inListStrategy() == InListStrategy.ARRAY ? Integer.MAX_VALUE : dialect.bulk().maxBindParameters() / 2;
    }

    /** Keys of different integer widths (an INT foreign key to a BIGINT key) compare equal. */
    static @Nullable Object normalize(@Nullable Object key) {
        if (key instanceof Integer || key instanceof Short || key instanceof Byte) {
            return ((Number) key).longValue();
        }
        return key;
    }
}

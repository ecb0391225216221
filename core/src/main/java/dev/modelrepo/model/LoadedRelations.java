package dev.modelrepo.model;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.model.internal.Relation;

/**
 * Reads a model's loaded relations: {@code related}, {@code relatedList}, and {@code get("department.company.name")}
 * walking belongs-to and has-one relations. A relation the query neither joined nor included is a
 * {@link RelationNotLoadedException}, a name the class does not declare an {@link UnknownRelationException}.
 */
final class LoadedRelations {

    private LoadedRelations() {
    }

    /** Marks a value that is not loaded: a loaded relation's value is a model, a list or null. */
    private static final Object NOT_LOADED = new Object();

    /** Whether the model has any relation loaded. */
    static boolean any(Model model) {
        return model.relatedName != null || model.related != null;
    }

    /** Whether the relation was loaded (joined or included), empty or not. */
    static boolean isLoaded(Model model, String relation) {
        return value(model, relation) != NOT_LOADED;
    }

    /** A loaded relation's value, or {@link #NOT_LOADED}. */
    private static @Nullable Object value(Model model, String relation) {
        String one = model.relatedName;
        if (one != null) {
            return one == relation || one.equals(relation) ? model.related : NOT_LOADED;
        }
        if (model.related instanceof Object[] r) {
            for (int i = 0; i < r.length && r[i] != null; i += 2) {
                if (r[i] == relation || r[i].equals(relation)) {
                    return r[i + 1];
                }
            }
        }
        return NOT_LOADED;
    }

    /**
     * Sets a relation's value, replacing the one loaded before under that name: the first relation in the model's own
     * fields, a second moves both into an array of name/value pairs.
     */
    static void set(Model model, String relation, @Nullable Object value) {
        String one = model.relatedName;
        if (one == null && model.related == null) {
            model.relatedName = relation;
            model.related = value;
            return;
        }
        if (one != null) {
            if (one.equals(relation)) {
                model.related = value;
                return;
            }
            model.related = new @Nullable Object[] { one, model.related, null, null };
            model.relatedName = null;
        }
        Object[] r = (Object[]) model.related;
        int n = 0;
        while (n < r.length && r[n] != null) {
            if (r[n].equals(relation)) {
                r[n + 1] = value;
                return;
            }
            n += 2;
        }
        if (n == r.length) {
            r = java.util.Arrays.copyOf(r, r.length * 2);
            model.related = r;
        }
        r[n] = relation;
        r[n + 1] = value;
    }

    /** Each loaded relation's name and value, in load order. */
    static void forEach(Model model, java.util.function.BiConsumer<String, @Nullable Object> action) {
        if (model.relatedName != null) {
            action.accept(model.relatedName, model.related);
        }
        else if (model.related instanceof Object[] r) {
            for (int i = 0; i < r.length && r[i] != null; i += 2) {
                action.accept((String) r[i], r[i + 1]);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends Model> @Nullable T one(Model model, String relation) {
        dev.modelrepo.internal.Arguments.notNull(relation, "relation");
        Object value = loaded(model, relation, "related");
        if (value instanceof List<?>) {
            throw new InvalidDataAccessApiUsageException(model.modelName() + "." + relation + " is a has-many relation, a list of models:"
                    + " read it with relatedList(\"" + relation + "\")");
        }
        return (T) value;
    }

    @SuppressWarnings("unchecked")
    static <T extends Model> List<T> many(Model model, String relation) {
        dev.modelrepo.internal.Arguments.notNull(relation, "relation");
        Object value = loaded(model, relation, "relatedList");
        if (!(value instanceof List<?>)) {
            throw new InvalidDataAccessApiUsageException(model.modelName() + "." + relation + " is a belongs-to or has-one relation, one"
                    + " model or none: read it with related(\"" + relation + "\")");
        }
        return (List<T>) value;
    }

    /** The loaded value; {@code method} ({@code related} or {@code relatedList}) names the read in the message when it is not loaded. */
    private static @Nullable Object loaded(Model model, String relation, String method) {
        Object value = value(model, relation);
        if (value != NOT_LOADED) {
            return value;
        }
        throw notLoaded(model, relation, method + "(\"" + relation + "\")");
    }

    private static RuntimeException notLoaded(Model model, String relation, String read) {
        if (ModelDeclarations.relations(model.getClass()).containsKey(relation)) {
            return RelationNotLoadedException.of(model.modelName(), relation, read);
        }
        return new UnknownRelationException(model.modelName() + " has no relation '" + relation + "' (in " + model.modelName() + "." + read
                + "); its relations are " + ModelDeclarations.relations(model.getClass()).keySet());
    }

    /** The last relation of a path prefix: {@code "a.b."} → {@code "b"}. */
    private static String last(String prefix) {
        String names = prefix.substring(0, prefix.length() - 1);
        return names.substring(names.lastIndexOf('.') + 1);
    }

    /**
     * The value at a dotted path that is no column of the model: its first names are loaded belongs-to or has-one
     * relations, the last a column of the model reached (or a joined column it holds); null when a relation on the
     * way is loaded and empty.
     */
    static <T> @Nullable T path(Model root, String path) {
        Model current = root;
        String prefix = "";
        String rest = path;
        while (true) {
            int dot = rest.indexOf('.');
            if (current != root && (dot < 0 || current.holds(rest))) {
                try {
                    return current.get(rest);
                }
                catch (UnknownColumnException ex) {
                    throw new UnknownColumnException(root.modelName() + ".get(\"" + path + "\"): " + ex.getMessage());
                }
            }
            String head = rest.substring(0, dot);
            Object value = value(current, head);
            if (value == NOT_LOADED) {
                Relation declared = ModelDeclarations.relations(current.getClass()).get(head);
                if (declared != null) {
                    String relation = prefix + head;
                    throw new RelationNotLoadedException(root.modelName(), relation, root.modelName() + ".get(\"" + path
                            + "\") walks the relation '" + relation + "', which the query that loaded this " + root.modelName()
                            + " did not load: add include(\"" + relation + "\") or join it (join(inner(\"" + head + "\")"
                            + (prefix.isEmpty() ? "" : ".through(\"" + last(prefix) + "\")")
                            + ")) in that query");
                }
                if (current == root && (root.layout == null || root.layout.table() == null)) {
                    return null;   // a plain new model does not know its columns yet
                }
                throw new UnknownColumnException(root.modelName() + ".get(\"" + path + "\"): " + current.modelName() + " has no column '"
                        + rest + "' and no relation '" + head + "'; its relations are " + ModelDeclarations.relations(current.getClass()).keySet()
                        + ", its columns " + current.columnNames());
            }
            if (value == null) {
                return null;
            }
            if (value instanceof List<?>) {
                throw new InvalidDataAccessApiUsageException(root.modelName() + ".get(\"" + path + "\") walks '" + prefix + head
                        + "', a has-many relation (a list of models): a path walks belongs-to and has-one relations only;"
                        + " read relatedList(\"" + head + "\")");
            }
            current = (Model) value;
            prefix = prefix + head + ".";
            rest = rest.substring(dot + 1);
        }
    }
}

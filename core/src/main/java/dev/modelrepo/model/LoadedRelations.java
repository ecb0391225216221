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

    /** The index of a relation's name in {@link Model#related}, or -1 when it was not loaded. */
    static int index(Model model, String relation) {
        Object[] r = model.related;
        if (r != null) {
            for (int i = 0; i < r.length && r[i] != null; i += 2) {
                if (r[i] == relation || r[i].equals(relation)) {
                    return i;
                }
            }
        }
        return -1;
    }

    @SuppressWarnings("unchecked")
    static <T extends Model> @Nullable T one(Model model, String relation) {
        dev.modelrepo.internal.Arguments.notNull(relation, "relation");
        Object value = loaded(model, relation, "related(\"" + relation + "\")");
        if (value instanceof List<?>) {
            throw new InvalidDataAccessApiUsageException(model.modelName() + "." + relation + " is a has-many relation, a list of models:"
                    + " read it with relatedList(\"" + relation + "\")");
        }
        return (T) value;
    }

    @SuppressWarnings("unchecked")
    static <T extends Model> List<T> many(Model model, String relation) {
        dev.modelrepo.internal.Arguments.notNull(relation, "relation");
        Object value = loaded(model, relation, "relatedList(\"" + relation + "\")");
        if (!(value instanceof List<?>)) {
            throw new InvalidDataAccessApiUsageException(model.modelName() + "." + relation + " is a belongs-to or has-one relation, one"
                    + " model or none: read it with related(\"" + relation + "\")");
        }
        return (List<T>) value;
    }

    private static @Nullable Object loaded(Model model, String relation, String read) {
        int i = index(model, relation);
        if (i >= 0) {
            return model.related[i + 1];
        }
        throw notLoaded(model, relation, read);
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
            int i = index(current, head);
            if (i < 0) {
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
            Object value = current.related[i + 1];
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

package dev.modelrepo.model.internal;

import java.util.List;

/**
 * A relation declared on a model class. For belongs-to, {@code columns} are the owner's foreign-key columns; for
 * has-many, the child's columns that hold the owner's key. Either way they pair, in order, with the primary-key
 * columns of the side they refer to: one column for a single-column key, several for a composite one. Owner and
 * target are model classes.
 */
public record Relation(String name, Kind kind, Class<?> owner, Class<?> target, List<String> columns) {

    /** Which side holds the key. */
    public enum Kind {
        BELONGS_TO, HAS_MANY
    }

    public Relation {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("The relation '" + name + "' of " + owner.getSimpleName() + " needs a key column");
        }
    }

    /** A relation over one key column. */
    public Relation(String name, Kind kind, Class<?> owner, Class<?> target, String column) {
        this(name, kind, owner, target, List.of(column));
    }

    /** The one key column of a single-column relation; fails for a composite one, whose {@link #columns()} are several. */
    public String column() {
        if (columns.size() != 1) {
            throw new IllegalStateException("The relation '" + name + "' of " + owner.getSimpleName() + " has the composite key "
                    + columns + ": use columns()");
        }
        return columns.get(0);
    }

    /** Whether the key has several columns. */
    public boolean composite() {
        return columns.size() > 1;
    }
}

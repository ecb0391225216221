package dev.modelrepo.model.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A relation declared on a model class. For belongs-to, {@code columns} are the owner's foreign-key columns; for
 * has-many and has-one, the child's columns that hold the owner's key. Either way they pair, in order, with the
 * primary-key columns of the side they refer to: one column for a single-column key, several for a composite one. A
 * has-many through a join model has no columns of its own: it is the owner's relation {@code through} (to the join
 * model), then the join model's relation {@code source} (to the target). Owner and target are model classes.
 */
public record Relation(String name, Kind kind, Class<?> owner, Class<?> target, List<String> columns, @Nullable String through,
        @Nullable String source) {

    /** Which side holds the key. */
    public enum Kind {
        /** This model holds the foreign key: one target row or none. */
        BELONGS_TO,
        /** The target rows hold this model's key: any number of them. */
        HAS_MANY,
        /** The target row holds this model's key: one row or none. */
        HAS_ONE,
        /** Two relations in a row: to a join model, then from it to the target; any number of targets. */
        HAS_MANY_THROUGH
    }

    public Relation {
        columns = List.copyOf(columns);
        if (kind == Kind.HAS_MANY_THROUGH ? through == null || source == null : columns.isEmpty()) {
            throw new IllegalArgumentException("The relation '" + name + "' of " + owner.getSimpleName()
                    + (kind == Kind.HAS_MANY_THROUGH ? " needs the relations it goes through" : " needs a key column"));
        }
    }

    /** A direct relation over these key columns. */
    public Relation(String name, Kind kind, Class<?> owner, Class<?> target, List<String> columns) {
        this(name, kind, owner, target, columns, null, null);
    }

    /** A direct relation over one key column. */
    public Relation(String name, Kind kind, Class<?> owner, Class<?> target, String column) {
        this(name, kind, owner, target, List.of(column));
    }

    /** A has-many through the owner's relation {@code through}, then the join model's relation {@code source}. */
    public static Relation through(String name, Class<?> owner, Class<?> target, String through, String source) {
        return new Relation(name, Kind.HAS_MANY_THROUGH, owner, target, List.of(), through, source);
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

    /** Whether the relation holds a list of models (has-many, direct or through), not one model or null. */
    public boolean many() {
        return kind == Kind.HAS_MANY || kind == Kind.HAS_MANY_THROUGH;
    }

    /** Whether the target rows hold the owner's key (has-many, has-one): the children a cascade deletes. */
    public boolean childKey() {
        return kind == Kind.HAS_MANY || kind == Kind.HAS_ONE;
    }

    /** Whether the relation goes through a join model. */
    public boolean isThrough() {
        return kind == Kind.HAS_MANY_THROUGH;
    }

    /** How the relation is declared, for messages: {@code @HasOne(profile)}. */
    public String declaration() {
        return switch (kind) {
            case BELONGS_TO -> "@BelongsTo(" + name + ")";
            case HAS_MANY, HAS_MANY_THROUGH -> "@HasMany(" + name + ")";
            case HAS_ONE -> "@HasOne(" + name + ")";
        };
    }
}

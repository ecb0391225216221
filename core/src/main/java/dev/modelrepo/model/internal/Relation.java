package dev.modelrepo.model.internal;

/**
 * A relation declared on a model class. For belongs-to, {@code column} is the owner's foreign key; for
 * has-many, it is the child's column that holds the owner's key. Owner and target are model classes.
 */
public record Relation(String name, Kind kind, Class<?> owner, Class<?> target, String column) {

    /** Which side holds the key. */
    public enum Kind {
        BELONGS_TO, HAS_MANY
    }
}

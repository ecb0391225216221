package dev.modelrepo.model.internal;

import dev.modelrepo.model.Model;

/**
 * A relation declared on a model class. For belongs-to, {@code column} is the owner's foreign key; for
 * has-many, it is the child's column that holds the owner's key.
 */
public record Relation(String name, Kind kind, Class<? extends Model> owner, Class<? extends Model> target, String column) {

    /** Which side holds the key. */
    public enum Kind {
        BELONGS_TO, HAS_MANY
    }
}

package dev.modelrepo.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that rows of {@link #model()} refer to this model through their foreign-key columns {@link #foreignKey()}:
 * one column for a single-column key, several for a composite one, paired in order with this model's primary-key
 * columns, e.g. {@code @HasMany(model = Role.class, as = "roles", foreignKey = {"actor_id", "film_id"})}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(HasMany.List.class)
public @interface HasMany {

    Class<? extends Model> model();

    /** The relation name used in joins, {@code include} and {@code relatedList(...)}. */
    String as();

    /** The columns of the child model that hold this model's key, in the order of this model's primary key. */
    String[] foreignKey();

    /** Container of repeated {@link HasMany}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        HasMany[] value();
    }
}

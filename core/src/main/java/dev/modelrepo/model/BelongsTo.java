package dev.modelrepo.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that each row of this model refers to one row of {@link #model()} through its foreign-key columns
 * {@link #foreignKey()} (or, the same, {@link #key()}): one column for a single-column key, several for a composite
 * one, paired in order with the primary-key columns of the target, e.g.
 * {@code @BelongsTo(model = FilmActor.class, as = "casting", foreignKey = {"actor_id", "film_id"})}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(BelongsTo.List.class)
public @interface BelongsTo {

    Class<? extends Model> model();

    /** The relation name used in joins, {@code include} and {@code related(...)}. */
    String as();

    /** The foreign-key columns of this model, in the order of the target's primary key; the same name as in {@link HasMany}. */
    String[] foreignKey() default {};

    /** The same as {@link #foreignKey()} (its first name, kept): give one of the two. */
    String[] key() default {};

    /** Container of repeated {@link BelongsTo}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        BelongsTo[] value();
    }
}

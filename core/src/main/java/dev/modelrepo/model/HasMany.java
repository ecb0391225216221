package dev.modelrepo.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that rows of {@link #model()} refer to this model, in one of two ways:
 * <ul>
 * <li>directly, through their foreign-key columns {@link #foreignKey()}: one column for a single-column key, several for a
 * composite one, paired in order with this model's primary-key columns, e.g.
 * {@code @HasMany(model = Role.class, as = "roles", foreignKey = {"actor_id", "film_id"})};</li>
 * <li>through a join model (Rails' {@code has_many :through}): {@link #through()} names a relation of this model to the
 * join model, {@link #source()} the join model's relation to {@link #model()}, e.g. on a film
 * {@code @HasMany(model = Actor.class, as = "actors", through = "castings", source = "actor")} beside
 * {@code @HasMany(model = FilmActor.class, as = "castings", foreignKey = "film_id")}.</li>
 * </ul>
 * Either joins ({@code join(inner("actors"))} renders both joins), includes and reads with {@code relatedList(...)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(HasMany.List.class)
public @interface HasMany {

    Class<? extends Model> model();

    /** The relation name used in joins, {@code include} and {@code relatedList(...)}. */
    String as();

    /**
     * The columns of the child model that hold this model's key, in the order of this model's primary key; not given
     * for a relation {@link #through()} a join model.
     */
    String[] foreignKey() default {};

    /**
     * The relation of this model (a {@link BelongsTo}, {@link HasOne} or direct {@link HasMany}) that reaches the join
     * model; empty for a direct relation.
     */
    String through() default "";

    /**
     * The relation of the join model that reaches {@link #model()} (a {@link BelongsTo}, {@link HasOne} or direct
     * {@link HasMany}); by default the join model's one relation to {@link #model()}.
     */
    String source() default "";

    /** Container of repeated {@link HasMany}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        HasMany[] value();
    }
}

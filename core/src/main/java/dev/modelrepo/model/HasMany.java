package dev.modelrepo.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares that rows of {@link #model()} refer to this model through their column {@link #foreignKey()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(HasMany.List.class)
public @interface HasMany {

    Class<? extends Model> model();

    /** The relation name used in joins, {@code include} and {@code relatedList(...)}. */
    String as();

    /** The column of the child model that holds this model's key. */
    String foreignKey();

    /** Container of repeated {@link HasMany}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        HasMany[] value();
    }
}

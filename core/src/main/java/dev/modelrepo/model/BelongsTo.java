package dev.modelrepo.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Declares that each row of this model refers to one row of {@link #model()} through the column {@link #key()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(BelongsTo.List.class)
public @interface BelongsTo {

    Class<? extends Model> model();

    /** The relation name used in joins, {@code include} and {@code related(...)}. */
    String as();

    /** The foreign-key column of this model. */
    String key();

    /** Container of repeated {@link BelongsTo}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        BelongsTo[] value();
    }
}

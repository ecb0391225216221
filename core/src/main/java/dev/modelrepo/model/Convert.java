package dev.modelrepo.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Applies a {@link ColumnConverter} to a column of this model:
 * {@code @Convert(column = "status", converter = StatusConverter.class)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Convert.List.class)
public @interface Convert {

    String column();

    @SuppressWarnings("rawtypes")
    Class<? extends ColumnConverter> converter();

    /** Container of repeated {@link Convert}. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Convert[] value();
    }
}

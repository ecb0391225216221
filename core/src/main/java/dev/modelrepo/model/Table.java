package dev.modelrepo.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the table a {@link Model} class reads and writes; its columns, types and primary key come from the
 * database metadata.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {

    /** The table name, as written in the changelog (matched case-insensitively). */
    String name();

    /** The schema, when not the connection's current one. */
    String schema() default "";

    /** The optimistic-locking version column; empty for none. */
    String version() default "";

    /** The creation timestamp column, maintained when the table has it. */
    String createdAt() default "created_at";

    /** The modification timestamp column, maintained when the table has it. */
    String updatedAt() default "updated_at";

    /**
     * Columns the database maintains itself (by triggers, say), read back into the model after every insert and
     * update; generated and {@code ON UPDATE} columns need not be named, they are read back anyway.
     */
    String[] readBack() default {};
}

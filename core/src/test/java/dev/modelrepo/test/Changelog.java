package dev.modelrepo.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the Liquibase changelog that {@link EngineTest} applies to each engine's database of the
 * annotated class, its subclasses and its {@code @Nested} classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Changelog {

    /** The class-path location, e.g. {@code db/changelog/test-schema.xml}. */
    String value();
}

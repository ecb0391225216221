package dev.modelrepo.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test method once per {@link Engine}, named {@code method [engine]}, on a database
 * of that engine that each test class (each {@code @Nested} class too) gets fresh, migrated with its
 * {@link Changelog}, shares between its methods and drops afterwards; a missing server skips the run,
 * or fails it under {@code CI=true} for every engine but MySQL.
 *
 * <pre>{@code
 * @Changelog("db/changelog/test-schema.xml")
 * class UserRepositoryTests {
 *     @EngineTest
 *     void savesAUser(TestDatabase db) { ... }
 *
 *     @EngineTest(engines = Engine.POSTGRESQL)
 *     void usesSkipLocked(TestDatabase db) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(EngineTestExtension.class)
public @interface EngineTest {

    /** The engines to run on, all of them by default. */
    Engine[] engines() default {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL, Engine.MARIADB, Engine.MYSQL};
}

package dev.modelrepo.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test method once per {@link Engine}, named {@code method [engine]}, with a
 * {@link TestDatabase} (and the {@link Engine}) available as parameters.
 *
 * <p>Each test class gets one fresh database per engine, created on first use, migrated with the
 * class's {@link Changelog} if it has one, shared by the class's test methods and dropped after
 * the class. A {@code @Nested} class gets its own.
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

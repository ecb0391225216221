package dev.modelrepo.autoconfigure.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test method (on a class: each test method) may run at most this many modelrepo statements on its own
 * thread, counted from the test method's start to its end ({@code @BeforeEach} and {@code @AfterEach} methods
 * excluded). More fails the test with the statements listed, or logs a warning under
 * {@code modelrepo.test.n-plus-one=warn}. Needs {@link ModelRepositoryTest} or {@link AutoConfigureStatementGuard}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface ExpectMaxStatements {

    /** The most statements allowed; negative: {@code modelrepo.test.max-statements}. */
    int value() default -1;
}

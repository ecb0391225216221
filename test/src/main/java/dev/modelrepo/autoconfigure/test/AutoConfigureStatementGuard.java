package dev.modelrepo.autoconfigure.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Adds the N+1 statement guard to a test: a {@link StatementCounter} bean and the JUnit extension that applies
 * {@link ExpectMaxStatements}. Part of {@link ModelRepositoryTest}; put it on a {@code @SpringBootTest} to guard
 * full-application tests (calls made on the test's thread, e.g. through MockMvc).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@ExtendWith(StatementGuardExtension.class)
public @interface AutoConfigureStatementGuard {

}

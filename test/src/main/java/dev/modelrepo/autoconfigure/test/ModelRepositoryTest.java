package dev.modelrepo.autoconfigure.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.core.env.Environment;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.annotation.Transactional;

/**
 * A test of the data layer only, in the way of Spring Boot's {@code @JdbcTest}: the context holds the DataSource,
 * Liquibase or Flyway (when on the class path), the transaction manager and the modelrepo beans
 * ({@code ModelRepository}, {@code LockOperations}, …), plus the application's {@code ModelListener} components,
 * and nothing else of the application: {@code @Import} the services under test.
 * <p>
 * Each test runs in a transaction that is rolled back at its end ({@code @Transactional}; use
 * {@code @Commit} or {@code @Transactional(propagation = NOT_SUPPORTED)} to change that). The application's
 * DataSource is replaced by an embedded one (H2 when it is on the test class path), unless the test says
 * {@code @AutoConfigureTestDatabase(replace = Replace.NONE)} (or {@code spring.test.database.replace=none}), which
 * keeps the configured {@code spring.datasource.url}, or the DataSource comes from a Testcontainers
 * {@code @ServiceConnection}.
 * <p>
 * The N+1 guard is on: {@link StatementCounter} counts the statements of a call, {@link ExpectMaxStatements} those
 * of a test method, and more than allowed fails the test (or warns: {@code modelrepo.test.n-plus-one=warn}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(ModelRepositoryTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(ModelRepositoryTypeExcludeFilter.class)
@Transactional
@AutoConfigureJdbc
@AutoConfigureTestDatabase
@AutoConfigureModelRepository
@AutoConfigureStatementGuard
@ImportAutoConfiguration
public @interface ModelRepositoryTest {

    /**
     * Properties in form {@literal key=value} that should be added to the Spring {@link Environment} before the
     * test runs.
     */
    String[] properties() default {};

    /**
     * Whether the default filters (which pick the application's {@code ModelListener} components) are used with
     * {@code @SpringBootApplication}'s component scan.
     */
    boolean useDefaultFilters() default true;

    /** A set of include filters which add otherwise filtered beans to the application context. */
    Filter[] includeFilters() default {};

    /** A set of exclude filters which filter beans that would otherwise be added to the application context. */
    Filter[] excludeFilters() default {};

    /** Auto-configuration exclusions that should be applied for this test. */
    @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
    Class<?>[] excludeAutoConfiguration() default {};
}

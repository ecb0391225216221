package dev.modelrepo.autoconfigure.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Imports the modelrepo auto-configurations (repository, observations and their meters) into a test whose
 * auto-configuration is otherwise off; listed in
 * {@code META-INF/spring/dev.modelrepo.autoconfigure.test.AutoConfigureModelRepository.imports}. Used by
 * {@link ModelRepositoryTest}; add it to another slice that needs a repository.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureModelRepository {

}

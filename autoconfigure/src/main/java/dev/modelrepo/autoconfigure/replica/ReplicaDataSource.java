package dev.modelrepo.autoconfigure.replica;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifies the DataSource bean of the read replica, for applications that build it themselves; declare it with
 * {@code @Bean(defaultCandidate = false)} so that it does not count as a second DataSource. It wins over
 * {@code modelrepo.replica.url}.
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface ReplicaDataSource {

}

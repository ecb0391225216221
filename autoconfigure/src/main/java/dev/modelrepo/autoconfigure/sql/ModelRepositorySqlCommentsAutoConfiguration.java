package dev.modelrepo.autoconfigure.sql;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.observation.SqlCommenter;
import dev.modelrepo.repository.ModelRepository;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the query tags of
 * {@code modelrepo.sql.comments=true}: an {@link ApplicationSqlCommenter} with {@code application}
 * ({@code spring.application.name}), {@code controller} and {@code action} in Spring MVC applications, and
 * {@code traceparent} when the application has a Micrometer Tracing {@link Tracer}. A {@link SqlCommenter} bean of
 * the application's replaces it; {@link SqlCommentContributor} beans add tags to it.
 */
@AutoConfiguration(before = ModelRepositoryAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration")
@ConditionalOnClass(ModelRepository.class)
@ConditionalOnBooleanProperty("modelrepo.sql.comments")
public final class ModelRepositorySqlCommentsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SqlCommenter modelRepositorySqlCommenter(Environment environment, ObjectProvider<SqlCommentContributor> contributors) {
        return new ApplicationSqlCommenter(environment.getProperty("spring.application.name"),
                contributors.orderedStream().toList());
    }

    /** {@code controller} and {@code action} of the request's Spring MVC handler. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.HandlerMapping")
    static class MvcHandlerConfiguration {

        @Bean
        SqlCommentContributor modelRepositoryMvcHandlerCommentContributor() {
            return new MvcHandlerCommentContributor();
        }
    }

    /** {@code traceparent} of the current span. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class TraceparentConfiguration {

        @Bean
        @ConditionalOnBean(Tracer.class)
        SqlCommentContributor modelRepositoryTraceparentCommentContributor(Tracer tracer) {
            return new TraceparentCommentContributor(tracer);
        }
    }
}

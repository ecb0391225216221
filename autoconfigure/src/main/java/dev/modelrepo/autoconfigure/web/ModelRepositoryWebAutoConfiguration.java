package dev.modelrepo.autoconfigure.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.repository.ModelRepository;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@link ModelProblemDetailsHandler} in Spring MVC applications: modelrepo's errors answered as RFC 9457 problem
 * details. Off with {@code modelrepo.web.problem-details=false}, or replaced by a bean of that type.
 */
@AutoConfiguration(after = ModelRepositoryAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = { "org.springframework.web.servlet.DispatcherServlet", "org.springframework.http.ProblemDetail" })
@ConditionalOnBooleanProperty(name = "modelrepo.web.problem-details", matchIfMissing = true)
public final class ModelRepositoryWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ModelProblemDetailsHandler modelProblemDetailsHandler(ObjectProvider<ModelRepository> repositories) {
        return new ModelProblemDetailsHandler(repositories);
    }
}

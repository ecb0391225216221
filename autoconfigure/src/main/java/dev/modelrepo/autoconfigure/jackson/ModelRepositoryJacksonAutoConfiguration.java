package dev.modelrepo.autoconfigure.jackson;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.repository.ModelRepository;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@link ModelJacksonModule} when Jackson 3 is present: Spring Boot registers every {@code JacksonModule} bean with its
 * {@code JsonMapper}, so {@code @RequestBody Book} reads a model. The module finds the repositories when it first
 * reads a model, so the JSON mapper does not wait for the database.
 */
@AutoConfiguration(after = ModelRepositoryAutoConfiguration.class,
        beforeName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(name = "tools.jackson.databind.json.JsonMapper")
public final class ModelRepositoryJacksonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ModelJacksonModule modelJacksonModule(ObjectProvider<ModelRepository> repositories) {
        return new ModelJacksonModule(() -> repositories.orderedStream().toList());
    }
}

package dev.modelrepo.autoconfigure.actuate;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.repository.ModelRepository;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of modelrepo's
 * contribution to the actuator's {@code info} endpoint ({@link ModelRepositoryInfoContributor}); off with
 * {@code management.info.modelrepo.enabled=false}.
 */
@AutoConfiguration(after = ModelRepositoryAutoConfiguration.class)
@ConditionalOnClass({ InfoContributor.class, ModelRepository.class })
public final class ModelRepositoryInfoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnEnabledInfoContributor("modelrepo")
    ModelRepositoryInfoContributor modelRepositoryInfoContributor(ListableBeanFactory beanFactory) {
        return new ModelRepositoryInfoContributor(beanFactory);
    }
}

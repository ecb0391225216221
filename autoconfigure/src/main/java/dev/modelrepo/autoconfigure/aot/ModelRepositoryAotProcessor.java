package dev.modelrepo.autoconfigure.aot;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelRegistry;

/**
 * At build time (Spring AOT), finds the model classes in the model packages ({@code modelrepo.model-packages}, else
 * the application's auto-configuration packages) and contributes their {@link ModelRuntimeHints}. Registered in
 * {@code META-INF/spring/aot.factories}.
 */
class ModelRepositoryAotProcessor implements BeanFactoryInitializationAotProcessor {

    @Override
    public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        List<String> packages = modelPackages(beanFactory);
        if (packages.isEmpty()) {
            return null;
        }
        List<Class<? extends Model>> models = ModelRegistry.modelTypesIn(beanFactory.getBeanClassLoader(),
                packages.toArray(String[]::new));
        if (models.isEmpty()) {
            return null;
        }
        return (generationContext, code) -> ModelRuntimeHints.register(generationContext.getRuntimeHints(), models);
    }

    static List<String> modelPackages(ConfigurableListableBeanFactory beanFactory) {
        List<String> configured = new ArrayList<>();
        if (beanFactory.containsBean("environment")) {
            Environment environment = beanFactory.getBean("environment", Environment.class);
            Binder.get(environment).bind("modelrepo.model-packages", Bindable.listOf(String.class)).ifBound(configured::addAll);
        }
        if (!configured.isEmpty()) {
            return configured;
        }
        return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
    }
}

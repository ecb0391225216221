package dev.modelrepo.autoconfigure.observation;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.autoconfigure.ModelRepositoryBuilderCustomizer;
import dev.modelrepo.observation.QueryObservationConvention;
import dev.modelrepo.repository.ModelRepository;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of modelrepo's
 * metrics: every repository observes its statements ({@code modelrepo.query}) in the application's
 * {@link ObservationRegistry}; with micrometer-core on the class path, {@link QueryCacheMeterBinder} and
 * {@link QueryMeterObservationHandler} add the meters: the latter times the statements itself, as a meter
 * observation handler ordered ahead of Boot's default one, which then leaves these observations to it: Boot 4's
 * {@code ObservationHandlerGroup} of {@code MeterObservationHandler}s registers the meter handlers, in their order, as
 * one {@code FirstMatchingCompositeObservationHandler} (with tracing, {@code TracingAndMeterObservationHandlerGroup}
 * does, each wrapped in a {@code TracingAwareMeterObservationHandler}). Off with {@code modelrepo.metrics.enabled=false}.
 */
@AutoConfiguration(before = ModelRepositoryAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration" })
@ConditionalOnClass(ModelRepository.class)
@ConditionalOnBooleanProperty(name = "modelrepo.metrics.enabled", matchIfMissing = true)
public final class ModelRepositoryObservationAutoConfiguration {

    /** Hands the application's ObservationRegistry and QueryObservationConvention (when unique) to every repository. */
    @Bean
    ModelRepositoryBuilderCustomizer modelRepositoryObservationCustomizer(ObjectProvider<ObservationRegistry> registry,
            ObjectProvider<QueryObservationConvention> convention) {
        return (builder) -> {
            registry.ifUnique(builder::observationRegistry);
            convention.ifUnique(builder::observationConvention);
        };
    }

    /**
     * The meters that need micrometer-core; Boot binds MeterBinders and registers ObservationHandlers (the query
     * handler in its meter handler group, in its {@link QueryMeterObservationHandler#ORDER order}). Like Boot's
     * default handler, it leaves out the long task timer when
     * {@code management.metrics.observations.ignored-meters} names {@code long-task-timer}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class MeterConfiguration {

        @Bean
        @ConditionalOnMissingBean
        QueryCacheMeterBinder modelRepositoryQueryCacheMeterBinder(ListableBeanFactory beanFactory) {
            return new QueryCacheMeterBinder(beanFactory);
        }

        @Bean
        @ConditionalOnMissingBean
        QueryMeterObservationHandler modelRepositoryQueryMeterObservationHandler(Environment environment) {
            List<String> ignored = Binder.get(environment)
                .bind("management.metrics.observations.ignored-meters", Bindable.listOf(String.class))
                .orElse(List.of());
            return new QueryMeterObservationHandler(ignored.stream()
                .noneMatch((meter) -> meter.replace("_", "-").equalsIgnoreCase("long-task-timer")));
        }
    }
}

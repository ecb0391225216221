package dev.modelrepo.autoconfigure.replica;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;

import dev.modelrepo.replica.ReplicaRouting;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of a read replica, when
 * {@code modelrepo.replica.url} is set or a {@link ReplicaDataSource} bean exists: the application's DataSource becomes
 * a {@link ReplicaRouting} over it and the replica, and meters count where reads went when Micrometer is present.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(ReplicaRouting.class)
@Conditional(ReplicaAutoConfiguration.ReplicaConfigured.class)
@EnableConfigurationProperties(ReplicaProperties.class)
public final class ReplicaAutoConfiguration {

    /** Static: a post-processor must not make this configuration class be created early. */
    @Bean
    static ReplicaRoutingPostProcessor modelRepositoryReplicaRoutingPostProcessor() {
        return new ReplicaRoutingPostProcessor();
    }

    /** The replica's meters, where Micrometer's registry is. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class ReplicaMetersConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ReplicaMeterBinder modelRepositoryReplicaMeterBinder(ObjectProvider<DataSource> dataSources) {
            return new ReplicaMeterBinder(dataSources);
        }
    }

    /** A replica URL, or a replica bean of the application's. */
    static final class ReplicaConfigured extends AnyNestedCondition {

        ReplicaConfigured() {
            super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "modelrepo.replica", name = "url")
        static final class Url {
        }

        @Conditional(ReplicaBeanDeclared.class)
        static final class Bean {
        }
    }

    /**
     * A {@link ReplicaDataSource} bean is declared. Not {@code @ConditionalOnBean}: it ignores beans declared with
     * {@code defaultCandidate = false}, which is how a replica bean keeps out of the way of the primary DataSource.
     */
    static final class ReplicaBeanDeclared implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
            return beanFactory != null && beanFactory.getBeanNamesForAnnotation(ReplicaDataSource.class).length > 0;
        }
    }
}

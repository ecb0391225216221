package dev.modelrepo.autoconfigure.replica;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import dev.modelrepo.replica.ReplicaRouting;

/**
 * Wraps the application's DataSource (the only one, or the primary one; never the replica's) in a
 * {@link ReplicaRouting} over it and the replica, so that the transaction manager, the repository and the rest of the
 * application use it; closes the routing's check and the replica pool it built when the context closes.
 */
final class ReplicaRoutingPostProcessor implements BeanPostProcessor, BeanFactoryAware, EnvironmentAware, DisposableBean {

    private @Nullable ConfigurableListableBeanFactory beanFactory;

    private @Nullable Environment environment;

    private final List<AutoCloseable> made = new ArrayList<>();

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof DataSource primary && !(bean instanceof ReplicaRouting) && isPrimary(beanName)) {
            ReplicaProperties properties = Binder.get(environment).bindOrCreate("modelrepo.replica", ReplicaProperties.class);
            DataSource replica = replica(properties);
            ReplicaRouting routing = new ReplicaRouting(primary, replica, properties.getMaxLag(), properties.getCheckInterval());
            synchronized (made) {
                made.add(routing);
            }
            return routing;
        }
        return bean;
    }

    /** The replica: the application's {@link ReplicaDataSource} bean, else a pool built from the properties. */
    private DataSource replica(ReplicaProperties properties) {
        String[] qualified = replicaNames();
        if (qualified.length > 0) {
            return beanFactory.getBean(qualified[0], DataSource.class);
        }
        if (!StringUtils.hasText(properties.getUrl())) {
            throw new IllegalStateException("No read replica: set modelrepo.replica.url or declare a @ReplicaDataSource DataSource bean");
        }
        DataSource pool = ReplicaPools.build(properties, beanFactory.getBeanClassLoader());
        if (pool instanceof AutoCloseable closeable) {
            synchronized (made) {
                made.add(closeable);
            }
        }
        return pool;
    }

    private String[] replicaNames() {
        return Arrays.stream(beanFactory.getBeanNamesForType(DataSource.class, true, false))
            .filter((name) -> beanFactory.findAnnotationOnBean(name, ReplicaDataSource.class, false) != null)
            .toArray(String[]::new);
    }

    /** Whether this DataSource bean is the one reads and writes go to: the only one besides the replica, or the primary. */
    private boolean isPrimary(String beanName) {
        if (beanFactory == null || !beanFactory.containsBeanDefinition(beanName)) {
            return false;
        }
        List<String> replicas = Arrays.asList(replicaNames());
        if (replicas.contains(beanName)) {
            return false;
        }
        List<String> candidates = Arrays.stream(beanFactory.getBeanNamesForType(DataSource.class, true, false))
            .filter((name) -> !replicas.contains(name))
            .toList();
        return candidates.size() == 1 ? candidates.get(0).equals(beanName)
                : beanFactory.getMergedBeanDefinition(beanName).isPrimary();
    }

    @Override
    public void destroy() throws Exception {
        synchronized (made) {
            for (AutoCloseable closeable : made) {
                closeable.close();
            }
            made.clear();
        }
    }
}

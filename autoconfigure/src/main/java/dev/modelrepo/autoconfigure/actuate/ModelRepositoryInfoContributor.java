package dev.modelrepo.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

import dev.modelrepo.model.Model;
import dev.modelrepo.query.QueryCache;
import dev.modelrepo.repository.ModelRepository;

/**
 * Adds {@code modelrepo} to the actuator's {@code info} endpoint: per repository bean, its dialect, its models with
 * the tables they read, and its query cache (size, maximum size, hits, misses, hit ratio). With one repository the
 * details sit under {@code modelrepo} directly; with several, under each bean's name.
 */
public class ModelRepositoryInfoContributor implements InfoContributor {

    private final ListableBeanFactory beanFactory;

    public ModelRepositoryInfoContributor(ListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, ModelRepository> repositories = this.beanFactory.getBeansOfType(ModelRepository.class, false, false);
        if (repositories.size() == 1) {
            builder.withDetail("modelrepo", describe(repositories.values().iterator().next()));
        }
        else if (!repositories.isEmpty()) {
            Map<String, Object> all = new TreeMap<>();
            repositories.forEach((name, repository) -> all.put(name, describe(repository)));
            builder.withDetail("modelrepo", all);
        }
    }

    static Map<String, Object> describe(ModelRepository repository) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("dialect", repository.dialect().name());
        Map<String, String> models = new TreeMap<>();
        for (Class<? extends Model> type : repository.registry().modelTypes()) {
            models.put(type.getName(), repository.registry().table(type).name());
        }
        details.put("models", models);
        details.put("queryCache", cache(repository.queryCache().stats()));
        return details;
    }

    private static Map<String, Object> cache(QueryCache.Stats stats) {
        Map<String, Object> cache = new LinkedHashMap<>();
        cache.put("size", stats.size());
        cache.put("maxSize", stats.maxSize());
        cache.put("hits", stats.hits());
        cache.put("misses", stats.misses());
        long lookups = stats.hits() + stats.misses();
        cache.put("hitRatio", lookups == 0 ? 0.0 : Math.round(stats.hits() * 1000.0 / lookups) / 1000.0);
        return cache;
    }
}

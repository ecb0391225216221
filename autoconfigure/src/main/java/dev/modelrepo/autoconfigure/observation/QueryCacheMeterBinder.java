package dev.modelrepo.autoconfigure.observation;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ListableBeanFactory;

import dev.modelrepo.query.QueryCache;

/**
 * Binds the statistics of every {@link QueryCache} bean: {@code modelrepo.query.cache.size} and {@code .max-size}
 * (gauges), {@code .hits}, {@code .misses} and {@code .evictions} (function counters), tagged {@code name} with
 * the cache's bean name. Values are read from {@link QueryCache#stats()} when the registry publishes.
 */
public class QueryCacheMeterBinder implements MeterBinder {

    /** The prefix of the cache meters. */
    public static final String PREFIX = "modelrepo.query.cache";

    private final ListableBeanFactory beanFactory;

    public QueryCacheMeterBinder(ListableBeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        this.beanFactory.getBeansOfType(QueryCache.class, false, false)
            .forEach((name, cache) -> bind(cache, Tags.of("name", name), registry));
    }

    /** Binds one cache's meters with these tags: for caches that are not beans (a repository built by hand). */
    public static void bind(QueryCache cache, Tags tags, MeterRegistry registry) {
        Gauge.builder(PREFIX + ".size", cache, (c) -> c.stats().size())
            .description("Number of rendered queries held by the query cache")
            .baseUnit("entries")
            .tags(tags)
            .register(registry);
        Gauge.builder(PREFIX + ".max-size", cache, (c) -> c.stats().maxSize())
            .description("Number of rendered queries the query cache holds at most (0: the cache is off)")
            .baseUnit("entries")
            .tags(tags)
            .register(registry);
        FunctionCounter.builder(PREFIX + ".hits", cache, (c) -> c.stats().hits())
            .description("Number of query executions whose SQL came from the query cache")
            .tags(tags)
            .register(registry);
        FunctionCounter.builder(PREFIX + ".misses", cache, (c) -> c.stats().misses())
            .description("Number of query executions that rendered their SQL (not in the query cache)")
            .tags(tags)
            .register(registry);
        FunctionCounter.builder(PREFIX + ".evictions", cache, (c) -> c.stats().evictions())
            .description("Number of rendered queries evicted from the query cache because it was full")
            .tags(tags)
            .register(registry);
    }
}

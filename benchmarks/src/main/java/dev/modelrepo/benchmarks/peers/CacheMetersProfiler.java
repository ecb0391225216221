package dev.modelrepo.benchmarks.peers;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import io.micrometer.core.instrument.MeterRegistry;

import dev.modelrepo.autoconfigure.observation.QueryCacheMeterBinder;
import dev.modelrepo.query.QueryCache;

/**
 * The query cache's meters over an iteration of {@link CacheGrowthBenchmarks}, read from the Micrometer registry its
 * {@link QueryCacheMeterBinder} meters are in: hit ratio ({@code ·cache.hitRatio}, hits over lookups in the
 * iteration), evictions per lookup ({@code ·cache.evictionsPerOp}), entries ({@code ·cache.size}, of {@code
 * ·cache.maxSize}); and, after the last measured iteration, the heap the entries retain ({@code ·cache.retainedMB}: heap
 * after two full collections, minus the same after clearing the cache). Nothing when no cache is watched. Use with
 * {@code -prof dev.modelrepo.benchmarks.peers.CacheMetersProfiler}.
 */
public class CacheMetersProfiler implements InternalProfiler {

    private static volatile QueryCache cache;

    private static volatile MeterRegistry meters;

    private double hits;

    private double misses;

    private double evictions;

    private int measured;

    /** The cache and the registry of its meters (null: none). */
    static void watch(QueryCache watched, MeterRegistry registry) {
        cache = watched;
        meters = registry;
    }

    @Override
    public String getDescription() {
        return "Query cache meters (hit ratio, evictions, size) and retained heap per iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (meters != null) {
            hits = counter("hits");
            misses = counter("misses");
            evictions = counter("evictions");
        }
    }

    private static double counter(String name) {
        return meters.get(QueryCacheMeterBinder.PREFIX + "." + name).functionCounter().count();
    }

    private static double gauge(String name) {
        return meters.get(QueryCacheMeterBinder.PREFIX + "." + name).gauge().value();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        if (meters == null || !benchmarkParams.getBenchmark().endsWith("_modelrepo")) {
            return List.of();
        }
        double h = counter("hits") - hits;
        double m = counter("misses") - misses;
        List<Result> out = new ArrayList<>();
        out.add(new ScalarResult("·cache.hitRatio", h + m == 0 ? 0 : h / (h + m), "ratio", AggregationPolicy.AVG));
        double e = counter("evictions") - evictions;
        out.add(new ScalarResult("·cache.evictionsPerOp", h + m == 0 ? 0 : e / (h + m), "ratio", AggregationPolicy.AVG));
        out.add(new ScalarResult("·cache.size", gauge("size"), "entries", AggregationPolicy.MAX));
        out.add(new ScalarResult("·cache.maxSize", gauge("max-size"), "entries", AggregationPolicy.MAX));
        if (iterationParams.getType() != org.openjdk.jmh.runner.IterationType.MEASUREMENT
                || ++measured < iterationParams.getCount()) {
            return out;
        }
        long full = liveHeap();
        long size = (long) gauge("size");
        cache.clear();
        double retained = Math.max(0, full - liveHeap());
        out.add(new ScalarResult("·cache.retainedMB", retained / (1024 * 1024), "MB", AggregationPolicy.MAX));
        out.add(new ScalarResult("·cache.bytesPerEntry", size == 0 ? 0 : retained / size, "B", AggregationPolicy.MAX));
        return out;
    }

    private static long liveHeap() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

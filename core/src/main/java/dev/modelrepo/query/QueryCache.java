package dev.modelrepo.query;

import com.github.benmanes.caffeine.cache.stats.CacheStats;

import dev.modelrepo.query.internal.CompiledQueryCache;

/**
 * The bounded cache of rendered SQL, keyed by (query shape, purpose, lock, dialect): a query built per request
 * costs a hash lookup, not a render. Literal values are bind slots, so {@code eq("u.age", 30)} and
 * {@code eq("u.age", 31)} share one entry. Backed by Caffeine with statistics.
 */
public final class QueryCache {

    /** The default bound on entries. */
    public static final long DEFAULT_MAX_SIZE = 2_000;

    private final CompiledQueryCache compiled;

    private final long maxSize;

    public QueryCache() {
        this(DEFAULT_MAX_SIZE);
    }

    /** A cache of at most {@code maxSize} entries; 0 disables caching (every query is rendered). */
    public QueryCache(long maxSize) {
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxSize must not be negative: " + maxSize);
        }
        this.maxSize = maxSize;
        this.compiled = new CompiledQueryCache(maxSize);
    }

    /** A disabled cache: every execution renders. */
    public static QueryCache disabled() {
        return new QueryCache(0);
    }

    /** The compiled queries behind this cache, for the renderer. */
    CompiledQueryCache compiled() {
        return compiled;
    }

    /** Current statistics, after pending maintenance (evictions) has run, so size and evictions are exact. */
    public Stats stats() {
        if (!compiled.enabled()) {
            return new Stats(0, 0, 0, 0, 0);
        }
        CacheStats s = compiled.stats();
        return new Stats(compiled.size(), s.hitCount(), s.missCount(), s.evictionCount(), maxSize);
    }

    /** Drops every entry (after a schema change, say). */
    public void clear() {
        compiled.clear();
    }

    public boolean enabled() {
        return compiled.enabled();
    }

    /** Cache statistics: entries now, hits, misses (= renders), evictions, and the bound. */
    public record Stats(long size, long hits, long misses, long evictions, long maxSize) {
    }
}

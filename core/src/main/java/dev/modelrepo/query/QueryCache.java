package dev.modelrepo.query;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import dev.modelrepo.query.internal.CompiledQuery;
import dev.modelrepo.query.internal.Purpose;
import dev.modelrepo.query.internal.QueryShape;
import dev.modelrepo.dialect.LockRequest;

/**
 * The bounded cache of rendered SQL, keyed by (query shape, purpose, lock, dialect): a query built per request
 * costs a hash lookup, not a render. Literal values are bind slots, so {@code eq("u.age", 30)} and
 * {@code eq("u.age", 31)} share one entry. Backed by Caffeine with statistics.
 */
public final class QueryCache {

    /** The default bound on entries. */
    public static final long DEFAULT_MAX_SIZE = 2_000;

    private final @Nullable Cache<Key, CompiledQuery> cache;

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
        this.cache = maxSize == 0 ? null : Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).recordStats().build();
    }

    /** A disabled cache: every execution renders. */
    public static QueryCache disabled() {
        return new QueryCache(0);
    }

    /** The compiled query of a shape, rendering it on a miss. Reports whether it was a hit through {@code lookup}. */
    public CompiledQuery get(String dialect, QueryShape shape, Purpose purpose, @Nullable LockRequest lock,
            Supplier<CompiledQuery> compiler, Lookup lookup) {
        if (cache == null) {
            lookup.hit = false;
            return compiler.get();
        }
        Key key = new Key(dialect, shape, purpose, lock);
        CompiledQuery compiled = cache.getIfPresent(key);
        if (compiled != null) {
            lookup.hit = true;
            return compiled;
        }
        lookup.hit = false;
        compiled = compiler.get();
        cache.put(key, compiled);
        return compiled;
    }

    /** Whether the last {@link #get} was a hit; one instance per call site, not shared across threads. */
    public static final class Lookup {
        boolean hit;

        public boolean hit() {
            return hit;
        }
    }

    /** Current statistics. */
    public Stats stats() {
        if (cache == null) {
            return new Stats(0, 0, 0, 0, 0);
        }
        CacheStats s = cache.stats();
        return new Stats(cache.estimatedSize(), s.hitCount(), s.missCount(), s.evictionCount(), maxSize);
    }

    /** Drops every entry (after a schema change, say). */
    public void clear() {
        if (cache != null) {
            cache.invalidateAll();
            cache.cleanUp();
        }
    }

    /** Runs pending maintenance (evictions) now; Caffeine otherwise does it asynchronously. */
    public void cleanUpForTests() {
        if (cache != null) {
            cache.cleanUp();
        }
    }

    public boolean enabled() {
        return cache != null;
    }

    /** Cache statistics: entries now, hits, misses (= renders), evictions, and the bound. */
    public record Stats(long size, long hits, long misses, long evictions, long maxSize) {
    }

    /** Shape equality with the shape's precomputed hash; the same shape object short-circuits. */
    private static final class Key {
        private final String dialect;
        private final QueryShape shape;
        private final Purpose purpose;
        private final @Nullable LockRequest lock;
        private final int hash;

        Key(String dialect, QueryShape shape, Purpose purpose, @Nullable LockRequest lock) {
            this.dialect = dialect;
            this.shape = shape;
            this.purpose = purpose;
            this.lock = lock;
            this.hash = (shape.hash() * 31 + purpose.hashCode()) * 31 + (lock == null ? 0 : lock.hashCode());
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof Key k) || k.hash != hash || k.purpose != purpose || !k.dialect.equals(dialect)
                    || !java.util.Objects.equals(k.lock, lock)) {
                return false;
            }
            return k.shape == shape || k.shape.spec().equals(shape.spec());
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}

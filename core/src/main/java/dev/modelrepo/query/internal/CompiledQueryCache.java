package dev.modelrepo.query.internal;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import dev.modelrepo.dialect.LockRequest;

/**
 * The bounded Caffeine cache of compiled queries, keyed by (query shape, purpose, lock, dialect), with statistics;
 * the public query cache is its face. A bound of 0 disables it: every query is compiled.
 */
public final class CompiledQueryCache {

    private final @Nullable Cache<Key, CompiledQuery> cache;

    public CompiledQueryCache(long maxSize) {
        this.cache = maxSize == 0 ? null : Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).recordStats().build();
    }

    /** The compiled query of a shape, compiling it on a miss. Reports whether it was a hit through {@code lookup}. */
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

    public boolean enabled() {
        return cache != null;
    }

    /** The entries now, after pending maintenance (evictions) has run; 0 when disabled. */
    public long size() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Hits, misses and evictions so far, after pending maintenance; empty when disabled. */
    public CacheStats stats() {
        if (cache == null) {
            return CacheStats.empty();
        }
        cache.cleanUp();
        return cache.stats();
    }

    /** Drops every entry. */
    public void clear() {
        if (cache != null) {
            cache.invalidateAll();
            cache.cleanUp();
        }
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
                    || !Objects.equals(k.lock, lock)) {
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

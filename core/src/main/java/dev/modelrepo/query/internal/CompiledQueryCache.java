package dev.modelrepo.query.internal;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import dev.modelrepo.dialect.LockRequest;

/**
 * The bounded Caffeine cache of compiled queries, keyed by (query shape, purpose, lock, dialect), with statistics;
 * the public query cache is its face. A bound of 0 disables it: every query is compiled.
 * <p>
 * A query object that is run again (the usual case: a query kept in a field) finds its compiled query on its own
 * shape ({@link #remembered}), where the cache's last answer for it is kept: no key, no hash lookup, no Caffeine
 * bookkeeping per execution. Such a hit counts as a hit; {@link #clear()} forgets every remembered answer too.
 */
public final class CompiledQueryCache {

    private final @Nullable Cache<Key, CompiledQuery> cache;

    /** Hits answered by a shape's remembered entry, which Caffeine does not see. */
    private final LongAdder rememberedHits = new LongAdder();

    /** Bumped by {@link #clear()}: entries remembered before it no longer answer. */
    private final AtomicInteger generation = new AtomicInteger();

    public CompiledQueryCache(long maxSize) {
        this.cache = maxSize == 0 ? null : Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).recordStats().build();
    }

    /** What a shape remembers of this cache's answer for one purpose (without a lock clause). */
    static final class Remembered {
        final CompiledQueryCache owner;
        final int generation;
        final String dialect;
        final CompiledQuery compiled;

        Remembered(CompiledQueryCache owner, int generation, String dialect, CompiledQuery compiled) {
            this.owner = owner;
            this.generation = generation;
            this.dialect = dialect;
            this.compiled = compiled;
        }
    }

    /**
     * The compiled query this cache last gave this shape for the purpose and dialect (without a lock clause), counted
     * as a hit; null when there is none (then {@link #get} answers): the cache is disabled, was cleared since, or the
     * shape was last compiled through another cache or for another dialect.
     */
    public @Nullable CompiledQuery remembered(String dialect, QueryShape shape, Purpose purpose, @Nullable LockRequest lock,
            Lookup lookup) {
        if (lock != null || cache == null) {
            return null;
        }
        Remembered r = shape.remembered(purpose);
        if (r == null || r.owner != this || r.generation != generation.get() || !r.dialect.equals(dialect)) {
            return null;
        }
        rememberedHits.increment();
        lookup.hit = true;
        return r.compiled;
    }

    /** The compiled query of a shape, compiling it on a miss. Reports whether it was a hit through {@code lookup}. */
    public CompiledQuery get(String dialect, QueryShape shape, Purpose purpose, @Nullable LockRequest lock,
            Supplier<CompiledQuery> compiler, Lookup lookup) {
        if (cache == null) {
            lookup.hit = false;
            return compiler.get();
        }
        int current = generation.get();
        Key key = new Key(dialect, shape, purpose, lock);
        CompiledQuery compiled = cache.getIfPresent(key);
        if (compiled != null) {
            lookup.hit = true;
        }
        else {
            lookup.hit = false;
            compiled = compiler.get();
            cache.put(key, compiled);
        }
        if (lock == null) {
            shape.remember(purpose, new Remembered(this, current, dialect, compiled));
        }
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

    /** Hits (remembered ones included), misses and evictions so far, after pending maintenance; empty when disabled. */
    public CacheStats stats() {
        if (cache == null) {
            return CacheStats.empty();
        }
        cache.cleanUp();
        CacheStats s = cache.stats();
        return CacheStats.of(s.hitCount() + rememberedHits.sum(), s.missCount(), s.loadSuccessCount(), s.loadFailureCount(),
                s.totalLoadTime(), s.evictionCount(), s.evictionWeight());
    }

    /** Drops every entry, and every shape's remembered answer with them. */
    public void clear() {
        if (cache != null) {
            generation.incrementAndGet();
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

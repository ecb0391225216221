package dev.modelrepo.repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.modelrepo.dialect.Dialect;

/** The parsed form of the native SQL texts a {@link ModelRepository} ran, so that a repeated text is parsed once. */
final class NativeSqlCache {

    private final Cache<String, NativeSql> parsed = Caffeine.newBuilder().maximumSize(1000).build();

    private final Dialect dialect;

    NativeSqlCache(Dialect dialect) {
        this.dialect = dialect;
    }

    NativeSql parsed(String sql) {
        return parsed.get(sql, s -> NativeSql.parse(s, dialect.nativeSqlSyntax()));
    }
}

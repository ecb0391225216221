package dev.modelrepo.repository;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.util.StringUtils;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.internal.Arguments;

/** The parsed form of the native SQL texts a {@link ModelRepository} ran, so that a repeated text is parsed once. */
final class NativeSqlCache {

    private final Cache<String, NativeSql> parsed = Caffeine.newBuilder().maximumSize(1000).build();

    private final Dialect dialect;

    NativeSqlCache(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The parsed text; null or blank text fails. */
    NativeSql parsed(String sql) {
        Arguments.notNull(sql, "sql");
        if (!StringUtils.hasText(sql)) {
            throw new InvalidDataAccessApiUsageException("sql must not be empty");
        }
        return parsed.get(sql, s -> NativeSql.parse(s, dialect.nativeSqlSyntax()));
    }
}

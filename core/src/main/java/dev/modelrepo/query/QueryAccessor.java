package dev.modelrepo.query;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.LockRequest;
import dev.modelrepo.query.internal.CompiledQuery;
import dev.modelrepo.query.internal.CompiledQueryCache;
import dev.modelrepo.query.internal.Purpose;
import dev.modelrepo.query.internal.QueryAccess;
import dev.modelrepo.query.internal.QueryShape;
import dev.modelrepo.query.internal.QuerySpec;

/** The one {@link QueryAccess}, installed by {@link ModelQuery}: the layers above reach a query's AST through it. */
final class QueryAccessor extends QueryAccess<ModelQuery<?>, QueryRenderer> {

    @Override
    public QuerySpec spec(ModelQuery<?> query) {
        return query.spec();
    }

    @Override
    public QueryShape shape(ModelQuery<?> query) {
        return query.shape();
    }

    @Override
    public CompiledQuery compiled(QueryRenderer renderer, ModelQuery<?> query, Purpose purpose, @Nullable LockRequest lock,
            CompiledQueryCache.Lookup lookup) {
        return renderer.compiled(query, purpose, lock, lookup);
    }
}

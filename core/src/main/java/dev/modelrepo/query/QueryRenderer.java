package dev.modelrepo.query;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.LockRequest;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.query.internal.CompiledQuery;
import dev.modelrepo.query.internal.CompiledQueryCache;
import dev.modelrepo.query.internal.Purpose;
import dev.modelrepo.query.internal.QueryCompiler;
import dev.modelrepo.query.internal.QueryShape;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.query.internal.ParameterBinder;
import dev.modelrepo.query.internal.SqlInliner;

/**
 * The one public entry point from queries to SQL for a registry's dialect, through the query cache: what the
 * repository executes, and what tools and tests can render without a database ({@link ModelRegistry#offline}).
 */
public final class QueryRenderer {

    private final Dialect dialect;

    private final QueryCache cache;

    private final QueryCompiler compiler;

    public QueryRenderer(ModelRegistry registry, QueryCache cache) {
        this.dialect = registry.dialect();
        this.cache = cache;
        this.compiler = new QueryCompiler(registry);
    }

    /** The SQL (with {@code ?} placeholders) and converted bind values of a query. */
    public Rendered render(ModelQuery<?> query, Map<String, ?> params) {
        return render(query, params, null);
    }

    /** The same, with a lock clause. */
    public Rendered render(ModelQuery<?> query, Map<String, ?> params, @Nullable LockRequest lock) {
        BoundStatement bound = bind(compiled(query, Purpose.LIST, lock, new CompiledQueryCache.Lookup()), query, params);
        return new Rendered(bound.sql(), Arrays.asList(bound.values()));
    }

    /**
     * The SQL of {@code rows(query)}: every row the joins give. {@link #render} is what model reads run, which after a
     * RIGHT or FULL join keep only the rows that have a root row.
     */
    public Rendered renderRows(ModelQuery<?> query, Map<String, ?> params) {
        BoundStatement bound = bind(compiled(query, Purpose.ROWS, null, new CompiledQueryCache.Lookup()), query, params);
        return new Rendered(bound.sql(), Arrays.asList(bound.values()));
    }

    /** The SQL of {@code count(query)}. */
    public Rendered renderCount(ModelQuery<?> query, Map<String, ?> params) {
        BoundStatement bound = bind(compiled(query, Purpose.COUNT, null, new CompiledQueryCache.Lookup()), query, params);
        return new Rendered(bound.sql(), Arrays.asList(bound.values()));
    }

    /** The SQL with values inlined as literals, for logs and debugging only. */
    public String inline(ModelQuery<?> query, Map<String, ?> params) {
        return SqlInliner.inline(bind(compiled(query, Purpose.LIST, null, new CompiledQueryCache.Lookup()), query, params), dialect);
    }

    /** The compiled query of a shape and purpose, from the cache (for the layers above through {@link QueryAccessor}). */
    CompiledQuery compiled(ModelQuery<?> query, Purpose purpose, @Nullable LockRequest lock, CompiledQueryCache.Lookup lookup) {
        QueryShape shape = query.shape();
        CompiledQuery remembered = cache.compiled().remembered(dialect.name(), shape, purpose, lock, lookup);
        if (remembered != null) {
            return remembered;   // the query object run again: no key, no lookup, no compiler supplier
        }
        return cache.compiled().get(dialect.name(), shape, purpose, lock, () -> compiler.compile(shape.spec(), purpose, lock), lookup);
    }

    private static BoundStatement bind(CompiledQuery compiled, ModelQuery<?> query, Map<String, ?> params) {
        return ParameterBinder.bind(compiled, query.shape().literals(), params);
    }

    public Dialect dialect() {
        return dialect;
    }

    public QueryCache cache() {
        return cache;
    }

    /** Rendered SQL and its bind values in placeholder order. */
    public record Rendered(String sql, List<@Nullable Object> values) {
    }
}

package dev.modelrepo.query.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.LockRequest;
import dev.modelrepo.internal.jdbc.BoundStatement;

/**
 * The way of the layers above into a query's AST and a renderer's cached compilation, which are not public API.
 * {@code Q} is the query type and {@code R} the renderer type of the public DSL, whose query class installs the one
 * implementation when it is initialised.
 */
public abstract class QueryAccess<Q, R> {

    private static volatile @Nullable QueryAccess<?, ?> instance;

    /**
     * The accessor, first initialising {@code queryType} (the public query class, which installs it) if it has not
     * been, so a consumer may hold it in a static field whatever the order classes are initialised in.
     */
    @SuppressWarnings("unchecked")
    public static <Q, R> QueryAccess<Q, R> get(Class<? super Q> queryType) {
        QueryAccess<?, ?> access = instance;
        if (access == null) {
            try {
                Class.forName(queryType.getName(), true, queryType.getClassLoader());
            }
            catch (ClassNotFoundException ex) {
                throw new IllegalStateException(ex);
            }
            access = instance;
        }
        if (access == null) {
            throw new IllegalStateException(queryType.getName() + " installs no query access");
        }
        return (QueryAccess<Q, R>) access;
    }

    /** Installs the implementation; only once, by the query class. */
    public static synchronized void install(QueryAccess<?, ?> access) {
        if (instance != null) {
            throw new IllegalStateException("The query access is installed once, by the query class");
        }
        instance = access;
    }

    /** The query's AST as built (literals in place). */
    public abstract QuerySpec spec(Q query);

    /** The query's cache shape and literal values, computed once per query. */
    public abstract QueryShape shape(Q query);

    /** The compiled query from the renderer's cache, compiled on a miss; {@code lookup} tells which. */
    public abstract CompiledQuery compiled(R renderer, Q query, Purpose purpose, @Nullable LockRequest lock,
            CompiledQueryCache.Lookup lookup);

    /** Binds a compiled query's slots with the query's literals and these parameters. */
    public final BoundStatement bind(CompiledQuery compiled, Q query, Map<String, ?> params) {
        return ParameterBinder.bind(compiled, shape(query).literals(), params);
    }
}

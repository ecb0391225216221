package dev.modelrepo.repository;

import java.util.List;
import java.util.Map;

import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.internal.Arguments;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.lock.LockOptions;
import dev.modelrepo.model.Model;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.QueryRenderer;
import dev.modelrepo.query.internal.CompiledQuery;
import dev.modelrepo.query.internal.CompiledQueryCache;
import dev.modelrepo.query.internal.QueryAccess;
import dev.modelrepo.query.internal.Purpose;
import dev.modelrepo.repository.internal.IncludeLoader;
import dev.modelrepo.repository.internal.RowMappers;

/** The locking selects of {@link ModelRepository#listLocked}: a lock clause, and an active transaction required. */
final class LockedReads {

    private static final QueryAccess<ModelQuery<?>, QueryRenderer> QUERIES = QueryAccess.get(ModelQuery.class);

    private final QueryRenderer renderer;

    private final StatementExecutor executor;

    private final IncludeLoader includes;

    LockedReads(QueryRenderer renderer, StatementExecutor executor, IncludeLoader includes) {
        this.renderer = renderer;
        this.executor = executor;
        this.includes = includes;
    }

    <M extends Model> List<M> list(ModelQuery<M> query, Map<String, ?> params, LockOptions lock) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("A locking select needs an active transaction"
                    + " (its locks end with it): use LockOperations.withLocked, which opens one");
        }
        Arguments.notNull(lock, "lock");
        includes.validate(query.modelType(), query.includes());
        CompiledQueryCache.Lookup lookup = new CompiledQueryCache.Lookup();
        CompiledQuery compiled = QUERIES.compiled(renderer, query, Purpose.LIST, lock.request(), lookup);
        BoundStatement bound = QUERIES.bind(compiled, query, params);
        List<M> models = executor.query(bound, new StatementExecutor.Op("lock", compiled.tableName(), lookup.hit() ? "hit" : "miss"),
                rs -> RowMappers.models(rs, compiled.plan(), Integer.MAX_VALUE));
        includes.load(models, query.modelType(), query.includes());
        return models;
    }
}

package dev.modelrepo.repository.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.LockRequest;
import dev.modelrepo.internal.Arguments;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.jdbc.ResultHandler;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.model.Key;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.QueryRenderer;
import dev.modelrepo.query.internal.CompiledQuery;
import dev.modelrepo.query.internal.CompiledQueryCache;
import dev.modelrepo.query.internal.QueryAccess;
import dev.modelrepo.query.internal.Purpose;

/**
 * The SELECTs of a repository and its lock helpers: each query compiled through the cache, bound, run and observed
 * with its cache outcome, its rows mapped to models (with {@code include(...)} relations loaded) or maps; streams and
 * batches in constant memory; and the locking selects, which need an active transaction.
 */
public final class ModelReads {

    private static final QueryAccess<ModelQuery<?>, QueryRenderer> QUERIES = QueryAccess.get(ModelQuery.class);

    private final ModelRegistry registry;

    private final QueryRenderer renderer;

    private final StatementExecutor executor;

    private final IncludeLoader includes;

    private final ModelStreams streams;

    private final Map<Class<?>, ModelQuery<?>> byIdQueries = new ConcurrentHashMap<>();

    private final Map<Class<?>, ModelQuery<?>> byKeyQueries = new ConcurrentHashMap<>();

    ModelReads(ModelRegistry registry, Dialect dialect, QueryRenderer renderer, StatementExecutor executor,
            Function<String, ? extends RuntimeException> streamClosed) {
        this.registry = registry;
        this.renderer = renderer;
        this.executor = executor;
        this.includes = new IncludeLoader(registry, this::list);
        this.streams = new ModelStreams(dialect, executor, includes, renderer, streamClosed);
    }

    /** The models the query returns. */
    public <M extends Model> List<M> list(ModelQuery<M> query, Map<String, ?> params) {
        int expected = ReadSupport.expectedRows(Arguments.notNull(query, "query"));
        includes.validate(query.modelType(), query.includes());
        List<M> models = readModels(query, Purpose.LIST, params, Integer.MAX_VALUE, expected);
        includes.load(models, query.modelType(), query.includes());
        return models;
    }

    /** The first model the query returns (LIMIT 1 unless the query has a limit). */
    public <M extends Model> Optional<M> first(ModelQuery<M> query, Map<String, ?> params) {
        includes.validate(Arguments.notNull(query, "query").modelType(), query.includes());
        List<M> rows = readModels(query, Purpose.FIRST, params, 1, 1);
        includes.load(rows, query.modelType(), query.includes());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The number of models {@link #list} returns, ignoring the query's order, limit and offset. */
    public long count(ModelQuery<?> query, Map<String, ?> params) {
        return read(query, Purpose.COUNT, params, c -> rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    /** Whether the query returns any model. */
    public boolean exists(ModelQuery<?> query, Map<String, ?> params) {
        return read(query, Purpose.EXISTS, params, c -> java.sql.ResultSet::next);
    }

    /** The rows of a query as ordered maps: not models, so also the rows a RIGHT or FULL join gives without a root row. */
    public List<Map<String, @Nullable Object>> rows(ModelQuery<?> query, Map<String, ?> params) {
        return read(query, Purpose.ROWS, params, c -> rs -> RowMappers.rows(rs, c.plan()));
    }

    /** The model with this primary key's value (a {@link Key} finds by key). */
    @SuppressWarnings("unchecked")
    public <M extends Model> Optional<M> findById(Class<M> type, Object id) {
        Arguments.notNull(type, "type");
        if (Arguments.notNull(id, "id") instanceof Key key) {
            return findById(type, key);
        }
        ModelQuery<M> query = (ModelQuery<M>) byIdQueries.get(type);   // a plain get first: no capturing lambda per call
        if (query == null) {
            query = (ModelQuery<M>) byIdQueries.computeIfAbsent(type, t -> ReadSupport.byIdQuery(registry, type));
        }
        return first(query, Map.of("id", id));
    }

    /** The model with this primary key, which names every key column. */
    @SuppressWarnings("unchecked")
    public <M extends Model> Optional<M> findById(Class<M> type, Key key) {
        Arguments.notNull(type, "type");
        Map<String, Object> params = ReadSupport.keyParameters(registry, type, Arguments.notNull(key, "id"));   // findById(type, null) resolves here
        ModelQuery<M> query = (ModelQuery<M>) byKeyQueries.computeIfAbsent(type, t -> ReadSupport.byKeyQuery(registry, type));
        return first(query, params);
    }

    /**
     * The query's models, read from a cursor as the stream advances, with the belongs-to relations of joins filled and
     * {@code include(...)} relations loaded per chunk of {@code fetchSize} rows; closing the stream releases the connection.
     */
    public <M extends Model> Stream<M> stream(ModelQuery<M> query, Map<String, ?> params, int fetchSize) {
        return streams.stream(query, params, fetchSize);
    }

    /** The query's models in batches handed to the consumer, with {@code include(...)} relations loaded per batch. */
    public <M extends Model> void forEachBatch(ModelQuery<M> query, Map<String, ?> params, int batchSize, Consumer<List<M>> consumer) {
        streams.forEachBatch(query, params, batchSize, consumer);
    }

    /** The query's models selected with a lock clause; locks last until the transaction ends, so one must be active. */
    public <M extends Model> List<M> listLocked(ModelQuery<M> query, Map<String, ?> params, LockRequest lock) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("A locking select needs an active transaction"
                    + " (its locks end with it): use LockOperations.withLocked, which opens one");
        }
        Arguments.notNull(lock, "lock");
        includes.validate(query.modelType(), query.includes());
        CompiledQueryCache.Lookup lookup = new CompiledQueryCache.Lookup();
        CompiledQuery compiled = QUERIES.compiled(renderer, query, Purpose.LIST, lock, lookup);
        BoundStatement bound = QUERIES.bind(compiled, query, params);
        List<M> models = executor.query(bound, new StatementExecutor.Op("lock", compiled.tableName(), lookup.hit() ? "hit" : "miss"),
                rs -> RowMappers.models(rs, compiled.plan(), Integer.MAX_VALUE));
        includes.load(models, query.modelType(), query.includes());
        return models;
    }

    /** The SQL the query runs with these parameters, values inlined as literals: for logs and debugging only. */
    public String toSql(ModelQuery<?> query, Map<String, ?> params) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        return renderer.inline(query, params);
    }

    /** {@link #read} of models: at most {@code max} of them, the list sized for {@code expected}. */
    private <M extends Model> List<M> readModels(ModelQuery<M> query, Purpose purpose, Map<String, ?> params, int max, int expected) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        CompiledQueryCache.Lookup lookup = new CompiledQueryCache.Lookup();
        CompiledQuery compiled = QUERIES.compiled(renderer, query, purpose, null, lookup);
        BoundStatement bound = QUERIES.bind(compiled, query, params);
        return executor.read(bound, new StatementExecutor.Op("select", compiled.tableName(), lookup.hit() ? "hit" : "miss"),
                new RowMappers.Models<>(compiled.plan(), max, expected));
    }

    /** Compiles (through the cache), binds and runs a SELECT, observed with its cache outcome. */
    private <T> T read(ModelQuery<?> query, Purpose purpose, Map<String, ?> params,
            Function<CompiledQuery, ResultHandler<T>> handler) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        CompiledQueryCache.Lookup lookup = new CompiledQueryCache.Lookup();
        CompiledQuery compiled = QUERIES.compiled(renderer, query, purpose, null, lookup);
        BoundStatement bound = QUERIES.bind(compiled, query, params);
        return executor.read(bound, new StatementExecutor.Op("select", compiled.tableName(), lookup.hit() ? "hit" : "miss"),
                handler.apply(compiled));
    }
}

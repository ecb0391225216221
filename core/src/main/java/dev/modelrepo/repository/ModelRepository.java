package dev.modelrepo.repository;

import dev.modelrepo.internal.CauseFirstTransactionTemplate;
import dev.modelrepo.internal.Arguments;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.DialectResolver;
import dev.modelrepo.lock.LockOptions;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelListener;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.internal.ModelAccess;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.RegistryAccess;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.QueryCache;
import dev.modelrepo.query.QueryRenderer;
import dev.modelrepo.query.internal.CompiledQuery;
import dev.modelrepo.query.internal.Purpose;
import dev.modelrepo.observation.QueryObservationConvention;
import dev.modelrepo.observation.QueryObserver;
import dev.modelrepo.internal.jdbc.BoundStatement;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.repository.internal.IncludeLoader;
import dev.modelrepo.internal.write.ModelPersistence;
import dev.modelrepo.internal.write.ModelWriter;
import dev.modelrepo.query.internal.ParameterBinder;
import dev.modelrepo.repository.internal.RowMappers;

/**
 * The entry point: builds queries over models and runs them on the DataSource's connection of the current
 * Spring transaction (joining it, or with a pooled connection per call). One repository per DataSource.
 *
 * <pre>{@code
 * ModelRepository repo = ModelRepository.builder(dataSource).build();
 * List<Employee> rich = repo.list(repo.query(Employee.class, "e").where(ge("e.salary", param("min"))),
 *                                 Map.of("min", 50_000));
 * }</pre>
 */
public class ModelRepository {

    private static final ModelAccess<Model> ACCESS = ModelAccess.get(Model.class);

    private static final RegistryAccess<ModelRegistry> REGISTRY = RegistryAccess.get(ModelRegistry.class);

    private final ModelRegistry registry;

    private final Dialect dialect;

    private final QueryCache queryCache;

    private final QueryRenderer renderer;

    private final StatementExecutor executor;

    private final Clock clock;

    private final Map<Class<?>, ModelQuery<?>> byIdQueries = new ConcurrentHashMap<>();

    private final ModelPersistence persistence;

    private final IncludeLoader includes;

    private final PlatformTransactionManager transactionManager;

    private final int queryTimeoutSeconds;

    private final ModelStreams streams;

    private final LockedReads lockedReads;

    private final NativeSqlCache parsedSql;

    private final NestedTransactions nested;

    private final SubFacades facades = new SubFacades();

    private final dev.modelrepo.bulk.BulkOptions bulkDefaults;

    protected ModelRepository(Builder builder) {
        this.dialect = builder.dialect != null ? builder.dialect : DialectResolver.resolve(builder.dataSource);
        this.registry = builder.registry != null ? builder.registry : new ModelRegistry(builder.dataSource, dialect);
        if (registry.dialect() != dialect) {
            throw new IllegalArgumentException("The registry's dialect " + registry.dialect() + " differs from " + dialect);
        }
        this.queryCache = builder.queryCache != null ? builder.queryCache : new QueryCache();
        this.renderer = new QueryRenderer(registry, queryCache);
        this.executor = new StatementExecutor(builder.dataSource, dialect, builder.queryTimeoutSeconds,
                new QueryObserver(builder.observationRegistry, builder.observationConvention), builder.sqlLogSettings,
                builder.statementListener);
        this.bulkDefaults = builder.bulkDefaults;
        this.clock = builder.clock;
        this.queryTimeoutSeconds = builder.queryTimeoutSeconds;
        this.transactionManager = builder.transactionManager != null ? builder.transactionManager
                : new JdbcTransactionManager(dialect.transactionDataSource(builder.dataSource));
        ModelWriter writer = new ModelWriter(dialect, executor, clock);
        this.includes = new IncludeLoader(registry, this::list);
        this.persistence = new ModelPersistence(registry, writer, executor, builder.listeners,
                new CauseFirstTransactionTemplate(transactionManager), q -> list(q, Map.of()));
        this.streams = new ModelStreams(dialect, executor, includes);
        this.lockedReads = new LockedReads(renderer, executor, includes);
        this.parsedSql = new NativeSqlCache(dialect);
        this.nested = new NestedTransactions(transactionManager);
    }

    /** A builder for a repository over this DataSource. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** A repository with the detected dialect and default settings. */
    public static ModelRepository create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** A query over the model's table, known in conditions as {@code alias}. */
    public <M extends Model> ModelQuery<M> query(Class<M> type, String alias) {
        registry.table(Arguments.notNull(type, "type"));
        return ModelQuery.from(type, alias);
    }

    /** A new, unsaved model with these column values set (and dirty); unknown columns fail at once. */
    public <M extends Model> M build(Class<M> type, Map<String, ?> values) {
        Arguments.notNull(values, "values");
        ModelInfo info = REGISTRY.info(registry, Arguments.notNull(type, "type"));
        @SuppressWarnings("unchecked")
        M model = (M) ACCESS.newInstance(info);
        ACCESS.bind(model, info.fullLayout());
        values.forEach(model::set);
        return model;
    }

    /** The models the query returns. */
    public <M extends Model> List<M> list(ModelQuery<M> query, Map<String, ?> params) {
        int expected = expectedRows(Arguments.notNull(query, "query"));
        includes.validate(query.modelType(), query.spec().includes());
        List<M> models = read(query, Purpose.LIST, params, c -> rs -> RowMappers.models(rs, c.plan(), Integer.MAX_VALUE, expected));
        includes.load(models, query.modelType(), query.spec().includes());
        return models;
    }

    /**
     * The rows a list probably returns, to size its result: a literal limit (at most 1000), else 10.
     * {@code limit(long)} stores its value as argument-free raw SQL (so it is rendered, not bound).
     */
    static int expectedRows(ModelQuery<?> query) {
        return ReadSupport.expectedRows(query);
    }

    /** The models the query returns, for a query without parameters. */
    public <M extends Model> List<M> list(ModelQuery<M> query) {
        return list(query, Map.of());
    }

    /**
     * The query's models selected with a lock clause, for {@link dev.modelrepo.lock.LockOperations}; locks last
     * until the transaction ends, so an active transaction is required.
     */
    public <M extends Model> List<M> listLocked(ModelQuery<M> query, Map<String, ?> params, dev.modelrepo.lock.LockOptions lock) {
        return lockedReads.list(query, params, lock);
    }

    /** The lock helpers over this repository. */
    public dev.modelrepo.lock.LockOperations locks() {
        return facades.locks(this);
    }

    /** The first model the query returns (LIMIT 1 unless the query has a limit). */
    public <M extends Model> Optional<M> first(ModelQuery<M> query, Map<String, ?> params) {
        includes.validate(Arguments.notNull(query, "query").modelType(), query.spec().includes());
        List<M> rows = read(query, Purpose.FIRST, params, c -> rs -> RowMappers.models(rs, c.plan(), 1));
        includes.load(rows, query.modelType(), query.spec().includes());
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Streams the query's models in constant memory; the stream MUST be closed (try-with-resources), which
     * releases its connection. Inside a Spring transaction it reads on the transaction's connection; outside
     * one it holds its own connection until closed (PostgreSQL: in a read-only transaction of its own, as
     * its server-side cursors need). On MySQL/MariaDB no other statement may run on the transaction's
     * connection while the stream is open: that fails with a clear error.
     * <p>A stream left open is closed when its transaction commits or rolls back (reading it afterwards raises
     * {@link StreamClosedException}); one outside a transaction that is garbage-collected unclosed releases its
     * connection then, with a WARN (logger {@code dev.modelrepo.repository.internal.Cursor}) naming where it was opened.
     */
    public <M extends Model> java.util.stream.Stream<M> stream(ModelQuery<M> query, Map<String, ?> params) {
        return stream(query, params, DEFAULT_FETCH_SIZE);
    }

    /** {@link #stream(ModelQuery, Map)} with a fetch size (rows per round trip). */
    public <M extends Model> java.util.stream.Stream<M> stream(ModelQuery<M> query, Map<String, ?> params, int fetchSize) {
        return streams.stream(this, query, params, fetchSize);
    }

    /**
     * Reads the query's models in batches of {@code batchSize} in constant memory, handing each batch to the
     * consumer (with {@code include(...)} relations loaded per batch); the connection is released at the end
     * or when the consumer throws.
     */
    public <M extends Model> void forEachBatch(ModelQuery<M> query, Map<String, ?> params, int batchSize,
            java.util.function.Consumer<List<M>> consumer) {
        streams.forEachBatch(this, query, params, batchSize, consumer);
    }

    /** Rows per round trip of cursors when not given. */
    public static final int DEFAULT_FETCH_SIZE = 500;

    /** The number of rows the query returns, ignoring its order, limit and offset. */
    public long count(ModelQuery<?> query, Map<String, ?> params) {
        return read(query, Purpose.COUNT, params, c -> rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    /** Whether the query returns any row. */
    public boolean exists(ModelQuery<?> query, Map<String, ?> params) {
        return read(query, Purpose.EXISTS, params, c -> java.sql.ResultSet::next);
    }

    /** The rows of a query as ordered maps (for select lists of aggregates, say): not models. */
    public List<Map<String, @Nullable Object>> rows(ModelQuery<?> query, Map<String, ?> params) {
        return read(query, Purpose.LIST, params, c -> rs -> RowMappers.rows(rs, c.plan()));
    }

    /** The model with this primary key. */
    @SuppressWarnings("unchecked")
    public <M extends Model> Optional<M> findById(Class<M> type, Object id) {
        Arguments.notNull(type, "type");
        Arguments.notNull(id, "id");
        ModelQuery<M> query = (ModelQuery<M>) byIdQueries.computeIfAbsent(type, t -> ReadSupport.byIdQuery(registry, type));
        return first(query, Map.of("id", id));
    }

    /**
     * The SQL the query runs with these parameters, values inlined as literals: for logs and debugging only.
     * Executed SQL always binds values.
     */
    public String toSql(ModelQuery<?> query, Map<String, ?> params) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        return renderer.inline(query, params);
    }

    /** The renderer from queries to SQL this repository executes through. */
    public QueryRenderer renderer() {
        return renderer;
    }

    /** Compiles (through the cache), binds and runs a SELECT, observed with its cache outcome. */
    private <T> T read(ModelQuery<?> query, Purpose purpose, Map<String, ?> params,
            java.util.function.Function<CompiledQuery, dev.modelrepo.internal.jdbc.ResultHandler<T>> handler) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        QueryCache.Lookup lookup = new QueryCache.Lookup();
        CompiledQuery compiled = renderer.compiled(query, purpose, null, lookup);
        BoundStatement bound = ParameterBinder.bind(compiled, query.shape().literals(), params);
        return executor.query(bound, new StatementExecutor.Op("select", compiled.tableName(), lookup.hit() ? "hit" : "miss"),
                handler.apply(compiled));
    }

    /** The compiled form of a query, from the cache. */
    protected CompiledQuery compiled(ModelQuery<?> query, Purpose purpose, @Nullable LockOptions lock) {
        return renderer.compiled(query, purpose, lock == null ? null : lock.request(), new QueryCache.Lookup());
    }

    /**
     * Native SQL with {@code :named} parameters: {@code repo.sql("SELECT * FROM users WHERE age > :age").list(params)}.
     * Build dynamic parts with {@link Sql}; never concatenate user input.
     */
    public NativeQuery sql(String sql) {
        Arguments.notNull(sql, "sql");
        if (!org.springframework.util.StringUtils.hasText(sql)) {
            throw new org.springframework.dao.InvalidDataAccessApiUsageException("sql must not be empty");
        }
        return new NativeQuery(sql, parsedSql.parsed(sql), dialect, executor, this);
    }

    /**
     * Saves a model: runs {@code validate()} and, when valid, INSERTs a new model with the columns that were set
     * (writing the stored row back: key, defaults, timestamps) or UPDATEs the dirty columns of a stored one
     * (nothing at all when nothing is dirty), with hooks and listeners around.
     * @return false when validation failed; nothing was written
     */
    public boolean save(Model model) {
        Arguments.notNull(model, "model");
        return persistence.save(model);
    }

    /** Like {@link #save}, but validation errors raise {@link dev.modelrepo.model.ModelValidationException}. */
    public void saveOrThrow(Model model) {
        Arguments.notNull(model, "model");
        persistence.saveOrThrow(model);
    }

    /**
     * Reads a stored model's row again into it: every column as the database holds it now, the model clean (unsaved
     * changes are discarded; relations stay as loaded). The way out of an optimistic-locking conflict.
     * @return the same model
     * @throws org.springframework.dao.EmptyResultDataAccessException when the row no longer exists
     */
    public <M extends Model> M reload(M model) {
        persistence.reload(Arguments.notNull(model, "model"));
        return model;
    }

    /** Deletes the model's row; the model is frozen afterwards. */
    public void destroy(Model model) {
        destroy(model, Cascade.NONE);
    }

    /** Deletes the model's row and, with {@link Cascade#ALL}, its has-many children recursively, in one transaction. */
    public void destroy(Model model, Cascade cascade) {
        Arguments.notNull(model, "model");
        persistence.destroy(model, Arguments.notNull(cascade, "cascade"));
    }

    /** Destroys each model, in one transaction. */
    public void destroy(List<? extends Model> models, Cascade cascade) {
        Arguments.notNull(models, "models");
        Arguments.notNull(cascade, "cascade");
        new CauseFirstTransactionTemplate(transactionManager).executeWithoutResult(s -> models.forEach(m -> destroy(m, cascade)));
    }

    /** UPDATE … SET {@code values} WHERE {@code query}'s condition (set-based; updated_at too). Returns the affected count. */
    public int updateWhere(ModelQuery<? extends Model> query, Map<String, ?> values, Map<String, ?> params) {
        Arguments.notNull(query, "query");
        Arguments.notNull(values, "values");
        Arguments.notNull(params, "params");
        return persistence.updateWhere(query, values, params, clock);
    }

    /** DELETE WHERE {@code query}'s condition (set-based, no hooks). Returns the affected count. */
    public int deleteWhere(ModelQuery<? extends Model> query, Map<String, ?> params) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        return persistence.deleteWhere(query, params);
    }

    /**
     * Runs {@code work} with PROPAGATION_NESTED: in a new Spring-managed transaction when none is active, in a
     * savepoint of the active one otherwise, so an exception rolls back only this scope (and models written in
     * it get their previous state back). Composes with {@code @Transactional}.
     */
    public <T> T inTransaction(java.util.function.Supplier<T> work) {
        Arguments.notNull(work, "work");
        return nested.template().execute(status -> work.get());
    }

    /** {@link #inTransaction} for work without a result. */
    public void useTransaction(Runnable work) {
        Arguments.notNull(work, "work");
        nested.template().executeWithoutResult(status -> work.run());
    }

    /** The statement timeout in seconds applied outside Spring transaction timeouts (0: none). */
    public int queryTimeoutSeconds() {
        return queryTimeoutSeconds;
    }

    public PlatformTransactionManager transactionManager() {
        return transactionManager;
    }

    public ModelRegistry registry() {
        return registry;
    }

    public Dialect dialect() {
        return dialect;
    }

    public QueryCache queryCache() {
        return queryCache;
    }

    public Clock clock() {
        return clock;
    }

    public DataSource dataSource() {
        return executor.dataSource();
    }

    /** Configures a {@link ModelRepository}; everything but the DataSource has a default. */
    public static final class Builder {

        private final DataSource dataSource;

        private @Nullable Dialect dialect;

        private @Nullable ModelRegistry registry;

        private @Nullable QueryCache queryCache;

        private Clock clock = Clock.systemUTC();

        private int queryTimeoutSeconds;

        private @Nullable PlatformTransactionManager transactionManager;

        private List<ModelListener> listeners = List.of();

        private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

        private @Nullable QueryObservationConvention observationConvention;

        private dev.modelrepo.observation.SqlLogSettings sqlLogSettings = dev.modelrepo.observation.SqlLogSettings.defaults();

        private dev.modelrepo.bulk.BulkOptions bulkDefaults = dev.modelrepo.bulk.BulkOptions.defaults();

        private dev.modelrepo.observation.@Nullable StatementListener statementListener;

        private Builder(DataSource dataSource) {
            this.dataSource = Arguments.notNull(dataSource, "dataSource");
        }

        /** The dialect; detected from the database metadata when not set. */
        public Builder dialect(Dialect dialect) {
            this.dialect = dialect;
            return this;
        }

        /** The model registry (it must use the same dialect); a new one over the DataSource when not set. */
        public Builder registry(ModelRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** The query cache; a default-sized one when not set. */
        public Builder queryCache(QueryCache queryCache) {
            this.queryCache = queryCache;
            return this;
        }

        /** The clock for created_at/updated_at (UTC system clock by default). */
        public Builder clock(Clock clock) {
            this.clock = Arguments.notNull(clock, "clock");
            return this;
        }

        /** A statement timeout applied when no Spring transaction sets a shorter one (0: none). */
        public Builder queryTimeoutSeconds(int seconds) {
            if (seconds < 0) {
                throw new IllegalArgumentException("queryTimeoutSeconds must not be negative: " + seconds);
            }
            this.queryTimeoutSeconds = seconds;
            return this;
        }

        /**
         * The statement timeout as a duration, rounded up to whole seconds (JDBC's unit), so that a positive
         * duration never means "none"; null, zero or negative: none.
         */
        public Builder queryTimeout(java.time.@Nullable Duration timeout) {
            if (timeout == null || timeout.isZero() || timeout.isNegative()) {
                return queryTimeoutSeconds(0);
            }
            long seconds = timeout.toSeconds() + (timeout.toNanosPart() > 0 ? 1 : 0);
            return queryTimeoutSeconds((int) Math.min(Integer.MAX_VALUE, seconds));
        }

        /** The transaction manager for the repository's own transactions (a JdbcTransactionManager over the DataSource by default). */
        public Builder transactionManager(PlatformTransactionManager transactionManager) {
            this.transactionManager = transactionManager;
            return this;
        }

        /** Listeners called around every model write. */
        public Builder listeners(List<? extends ModelListener> listeners) {
            this.listeners = List.copyOf(listeners);
            return this;
        }

        /** Where {@code modelrepo.query} observations go (none by default). */
        public Builder observationRegistry(ObservationRegistry observationRegistry) {
            this.observationRegistry = Arguments.notNull(observationRegistry, "observationRegistry");
            return this;
        }

        /** A custom convention for the observations' name and tags. */
        public Builder observationConvention(@Nullable QueryObservationConvention convention) {
            this.observationConvention = convention;
            return this;
        }

        /** What the {@code dev.modelrepo.sql} logger masks and from when it warns of a slow statement (its level says the rest). */
        public Builder sqlLogging(dev.modelrepo.observation.SqlLogSettings settings) {
            this.sqlLogSettings = Arguments.notNull(settings, "settings");
            return this;
        }

        /** The options of bulk operations that give none ({@link dev.modelrepo.bulk.BulkOperations#defaults()}). */
        public Builder bulkDefaults(dev.modelrepo.bulk.BulkOptions options) {
            this.bulkDefaults = Arguments.notNull(options, "options");
            return this;
        }

        /**
         * Adds a listener told of every statement before it runs, whatever the observation settings (the N+1
         * guard of the tests is one); several are told in the order they were added.
         */
        public Builder statementListener(dev.modelrepo.observation.StatementListener listener) {
            dev.modelrepo.observation.StatementListener added = Arguments.notNull(listener, "listener");
            dev.modelrepo.observation.StatementListener before = this.statementListener;
            this.statementListener = before == null ? added : (operation, model, sql) -> {
                before.onStatement(operation, model, sql);
                added.onStatement(operation, model, sql);
            };
            return this;
        }

        public ModelRepository build() {
            return new ModelRepository(this);
        }
    }

    /** Bulk insert, update, delete and upsert through this repository (its dialect, transactions, clock, listeners, metrics). */
    public dev.modelrepo.bulk.BulkOperations bulk() {
        return facades.bulk(registry, dialect, executor, persistence, clock, transactionManager, bulkDefaults);
    }
}

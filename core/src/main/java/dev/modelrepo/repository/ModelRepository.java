package dev.modelrepo.repository;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.transaction.PlatformTransactionManager;

import dev.modelrepo.bulk.BulkOperations;
import dev.modelrepo.bulk.BulkOptions;
import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.internal.Arguments;
import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.model.Key;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelListener;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.observation.QueryObservationConvention;
import dev.modelrepo.observation.SqlLogSettings;
import dev.modelrepo.observation.StatementListener;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.QueryCache;
import dev.modelrepo.query.QueryRenderer;
import dev.modelrepo.repository.internal.RepositoryContext;
import dev.modelrepo.repository.internal.RepositorySettings;

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

    /** Rows per round trip of cursors when not given. */
    public static final int DEFAULT_FETCH_SIZE = 500;

    private final RepositoryContext context;

    private final ModelRegistry registry;

    private final NativeSqlCache parsedSql;

    private final SubFacades facades;

    protected ModelRepository(Builder builder) {
        this.context = new RepositoryContext(builder.settings, StreamClosedException::new);
        this.registry = context.registry();
        this.parsedSql = new NativeSqlCache(context.dialect());
        this.facades = new SubFacades(context, builder.bulkDefaults);
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
        return context.persistence().build(Arguments.notNull(type, "type"), values);
    }

    /** The models the query returns (after a RIGHT or FULL join, only rows that have a root row are models). */
    public <M extends Model> List<M> list(ModelQuery<M> query, Map<String, ?> params) {
        return context.reads().list(query, params);
    }

    /** The models the query returns, for a query without parameters. */
    public <M extends Model> List<M> list(ModelQuery<M> query) {
        return list(query, Map.of());
    }

    /** The first model the query returns (LIMIT 1 unless the query has a limit). */
    public <M extends Model> Optional<M> first(ModelQuery<M> query, Map<String, ?> params) {
        return context.reads().first(query, params);
    }

    /**
     * Streams the query's models in constant memory; the stream MUST be closed (try-with-resources), which
     * releases its connection. Inside a Spring transaction it reads on the transaction's connection; outside
     * one it holds its own connection until closed (PostgreSQL: in a read-only transaction of its own, as
     * its server-side cursors need). On MySQL/MariaDB no other statement may run on the transaction's
     * connection while the stream is open: that fails with a clear error.
     * <p>Joined belongs-to relations are filled per row, {@code include(...)} loaded per chunk of fetch-size rows (refused on
     * MySQL/MariaDB inside a transaction, whose connection the stream blocks); a has-many join cannot stream.
     * <p>A stream left open is closed when its transaction commits or rolls back (reading it afterwards raises
     * {@link StreamClosedException}); one outside a transaction that is garbage-collected unclosed releases its
     * connection then, with a WARN (logger {@code dev.modelrepo.repository.internal.Cursor}) naming where it was opened.
     */
    public <M extends Model> Stream<M> stream(ModelQuery<M> query, Map<String, ?> params) {
        return stream(query, params, DEFAULT_FETCH_SIZE);
    }

    /** {@link #stream(ModelQuery, Map)} with a fetch size (rows per round trip). */
    public <M extends Model> Stream<M> stream(ModelQuery<M> query, Map<String, ?> params, int fetchSize) {
        return context.reads().stream(query, params, fetchSize);
    }

    /**
     * Reads the query's models in batches of {@code batchSize} in constant memory, handing each batch to the
     * consumer (with the belongs-to relations of joins filled and {@code include(...)} relations loaded per batch, as
     * {@link #stream(ModelQuery, Map)} says); the connection is released at the end or when the consumer throws.
     */
    public <M extends Model> void forEachBatch(ModelQuery<M> query, Map<String, ?> params, int batchSize, Consumer<List<M>> consumer) {
        context.reads().forEachBatch(query, params, batchSize, consumer);
    }

    /** The number of models {@link #list(ModelQuery, Map)} returns, ignoring the query's order, limit and offset. */
    public long count(ModelQuery<?> query, Map<String, ?> params) {
        return context.reads().count(query, params);
    }

    /** Whether the query returns any model. */
    public boolean exists(ModelQuery<?> query, Map<String, ?> params) {
        return context.reads().exists(query, params);
    }

    /** The rows of a query as ordered maps (aggregates; rows a RIGHT or FULL join gives without a root row): not models. */
    public List<Map<String, @Nullable Object>> rows(ModelQuery<?> query, Map<String, ?> params) {
        return context.reads().rows(query, params);
    }

    /** The model with this primary key's value; a model with a composite key is found by a {@link Key} instead. */
    public <M extends Model> Optional<M> findById(Class<M> type, Object id) {
        return context.reads().findById(type, id);
    }

    /** The model with this primary key, e.g. {@code Key.of("actor_id", 1, "film_id", 23)} (a single-column key too). */
    public <M extends Model> Optional<M> findById(Class<M> type, Key key) {
        return context.reads().findById(type, key);
    }

    /** The model with this primary key; a {@link ModelNotFoundException} (404 in the web mapping) when there is none. */
    public <M extends Model> M getById(Class<M> type, Object id) {
        return findById(type, id).orElseThrow(() -> new ModelNotFoundException(type.getSimpleName(), id));
    }

    /** The model with this primary key (composite or not), or a {@link ModelNotFoundException} naming the key. */
    public <M extends Model> M getById(Class<M> type, Key key) {
        return findById(type, key).orElseThrow(() -> new ModelNotFoundException(type.getSimpleName(), key));
    }

    /** The SQL the query runs with these parameters, values inlined: for logs and debugging only (executed SQL binds them). */
    public String toSql(ModelQuery<?> query, Map<String, ?> params) {
        return context.reads().toSql(query, params);
    }

    /** The renderer from queries to SQL this repository executes through. */
    public QueryRenderer renderer() {
        return context.renderer();
    }

    /** Native SQL with {@code :named} parameters ({@code repo.sql("… WHERE age > :age").list(params)}); dynamic parts: {@link Sql}. */
    public NativeQuery sql(String sql) {
        return new NativeQuery(sql, parsedSql.parsed(sql), context.dialect(), context.executor(), context.nativeReads(), this);
    }

    /**
     * Saves a model: runs {@code validate()} and, when valid, INSERTs a new model with the columns that were set
     * (writing the stored row back: key, defaults, timestamps) or UPDATEs the dirty columns of a stored one
     * (nothing at all when nothing is dirty), with hooks and listeners around.
     * @return false when validation failed; nothing was written
     */
    public boolean save(Model model) {
        Arguments.notNull(model, "model");
        return context.persistence().save(model);
    }

    /** Like {@link #save}, but validation errors raise {@link dev.modelrepo.model.ModelValidationException}. */
    public void saveOrThrow(Model model) {
        Arguments.notNull(model, "model");
        context.persistence().saveOrThrow(model);
    }

    /**
     * Reads a stored model's row again into it: every column as stored now, the model clean, unsaved changes dropped,
     * relations kept; the way out of an optimistic-locking conflict. The row gone: {@code EmptyResultDataAccessException}.
     */
    public <M extends Model> M reload(M model) {
        context.persistence().reload(Arguments.notNull(model, "model"));
        return model;
    }

    /** Deletes the model's row; the model is frozen afterwards. */
    public void destroy(Model model) {
        destroy(model, Cascade.NONE);
    }

    /** Deletes the model's row and, with {@link Cascade#ALL}, its has-many and has-one children recursively, in one transaction. */
    public void destroy(Model model, Cascade cascade) {
        Arguments.notNull(model, "model");
        context.persistence().destroy(model, Arguments.notNull(cascade, "cascade"));
    }

    /** Destroys each model, in one transaction. */
    public void destroy(List<? extends Model> models, Cascade cascade) {
        Arguments.notNull(models, "models");
        Arguments.notNull(cascade, "cascade");
        context.required().executeWithoutResult(s -> models.forEach(m -> destroy(m, cascade)));
    }

    /** UPDATE … SET {@code values} WHERE {@code query}'s condition (set-based; updated_at too). Returns the affected count. */
    public int updateWhere(ModelQuery<? extends Model> query, Map<String, ?> values, Map<String, ?> params) {
        Arguments.notNull(query, "query");
        Arguments.notNull(values, "values");
        Arguments.notNull(params, "params");
        return context.persistence().updateWhere(query, values, params, context.clock());
    }

    /** DELETE WHERE {@code query}'s condition (set-based, no hooks). Returns the affected count. */
    public int deleteWhere(ModelQuery<? extends Model> query, Map<String, ?> params) {
        Arguments.notNull(query, "query");
        Arguments.notNull(params, "params");
        return context.persistence().deleteWhere(query, params);
    }

    /**
     * Runs {@code work} with PROPAGATION_NESTED: in a new Spring-managed transaction when none is active, in a
     * savepoint of the active one otherwise, so an exception rolls back only this scope (and models written in
     * it get their previous state back). Composes with {@code @Transactional}.
     */
    public <T> T inTransaction(Supplier<T> work) {
        Arguments.notNull(work, "work");
        return context.nested().execute(status -> work.get());
    }

    /** {@link #inTransaction} for work without a result. */
    public void useTransaction(Runnable work) {
        Arguments.notNull(work, "work");
        context.nested().executeWithoutResult(status -> work.run());
    }

    /** Bulk insert, update, delete and upsert through this repository (its dialect, transactions, clock, listeners, metrics). */
    public BulkOperations bulk() {
        return facades.bulk();
    }

    /** The lock helpers over this repository, retrying conflicts as {@link LockOperations#INITIAL_BACKOFF} and {@link LockOperations#DEFAULT_ATTEMPTS} say. */
    public LockOperations locks() {
        return facades.locks();
    }

    /** New lock helpers over this repository whose {@code retryOnConflict} first waits {@code initialBackoff} and tries {@code attempts} times. */
    public LockOperations locks(Duration initialBackoff, int attempts) {
        return facades.locks(initialBackoff, attempts);
    }

    /** The statement timeout in seconds applied outside Spring transaction timeouts (0: none). */
    public int queryTimeoutSeconds() {
        return context.queryTimeoutSeconds();
    }

    public PlatformTransactionManager transactionManager() {
        return context.transactionManager();
    }

    public ModelRegistry registry() {
        return registry;
    }

    public Dialect dialect() {
        return context.dialect();
    }

    public QueryCache queryCache() {
        return context.queryCache();
    }

    public Clock clock() {
        return context.clock();
    }

    public DataSource dataSource() {
        return context.dataSource();
    }

    /** Configures a {@link ModelRepository}; everything but the DataSource has a default. */
    public static final class Builder {

        private final RepositorySettings settings;

        private BulkOptions bulkDefaults = BulkOptions.defaults();

        private Builder(DataSource dataSource) {
            this.settings = new RepositorySettings(dataSource);
        }

        /** The dialect; detected from the database metadata when not set. */
        public Builder dialect(Dialect dialect) {
            settings.dialect(dialect);
            return this;
        }

        /** The model registry (it must use the same dialect); a new one over the DataSource when not set. */
        public Builder registry(ModelRegistry registry) {
            settings.registry(registry);
            return this;
        }

        /** The query cache; a default-sized one when not set. */
        public Builder queryCache(QueryCache queryCache) {
            settings.queryCache(queryCache);
            return this;
        }

        /** The clock for created_at/updated_at (UTC system clock by default). */
        public Builder clock(Clock clock) {
            settings.clock(clock);
            return this;
        }

        /** A statement timeout applied when no Spring transaction sets a shorter one (0: none). */
        public Builder queryTimeoutSeconds(int seconds) {
            settings.queryTimeoutSeconds(seconds);
            return this;
        }

        /** The statement timeout as a duration, rounded up to whole seconds (so 1 ms is 1 s); null, zero or negative: none. */
        public Builder queryTimeout(@Nullable Duration timeout) {
            settings.queryTimeout(timeout);
            return this;
        }

        /** The transaction manager for the repository's own transactions (a JdbcTransactionManager over the DataSource by default). */
        public Builder transactionManager(PlatformTransactionManager transactionManager) {
            settings.transactionManager(transactionManager);
            return this;
        }

        /** Listeners called around every model write. */
        public Builder listeners(List<? extends ModelListener> listeners) {
            settings.listeners(listeners);
            return this;
        }

        /** Where {@code modelrepo.query} observations go (none by default). */
        public Builder observationRegistry(ObservationRegistry observationRegistry) {
            settings.observationRegistry(observationRegistry);
            return this;
        }

        /** A custom convention for the observations' name and tags. */
        public Builder observationConvention(@Nullable QueryObservationConvention convention) {
            settings.observationConvention(convention);
            return this;
        }

        /** What the {@code dev.modelrepo.sql} logger masks and from when it warns of a slow statement (its level says the rest). */
        public Builder sqlLogging(SqlLogSettings settings) {
            this.settings.sqlLogging(settings);
            return this;
        }

        /** The options of bulk operations that give none ({@link BulkOperations#defaults()}). */
        public Builder bulkDefaults(BulkOptions options) {
            this.bulkDefaults = Arguments.notNull(options, "options");
            return this;
        }

        /** Adds a listener told of every statement before it runs, whatever the observation settings (in the order added). */
        public Builder statementListener(StatementListener listener) {
            settings.addStatementListener(listener);
            return this;
        }

        public ModelRepository build() {
            return new ModelRepository(this);
        }
    }
}

package dev.modelrepo.repository.internal;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.DialectResolver;
import dev.modelrepo.internal.CauseFirstTransactionTemplate;
import dev.modelrepo.internal.jdbc.StatementExecutor;
import dev.modelrepo.internal.write.ModelPersistence;
import dev.modelrepo.internal.write.ModelWriter;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.observation.QueryObserver;
import dev.modelrepo.query.QueryCache;
import dev.modelrepo.query.QueryRenderer;

/**
 * Everything a repository's facades share, made once from its settings: the dialect, the model registry, the query
 * cache and renderer, the statement executor, the transaction manager, the clock, the reads and the model writes. The
 * repository, its bulk operations and its lock helpers are each built from one context, so that none of them needs
 * another's methods.
 */
public final class RepositoryContext {

    private final Dialect dialect;

    private final ModelRegistry registry;

    private final QueryCache queryCache;

    private final QueryRenderer renderer;

    private final StatementExecutor executor;

    private final Clock clock;

    private final int queryTimeoutSeconds;

    private final PlatformTransactionManager transactionManager;

    private final TransactionTemplate required;

    private final NestedTransactions nested;

    private final ModelWriter writer;

    private final ModelReads reads;

    private final NativeReads nativeReads;

    private final ModelPersistence persistence;

    /**
     * @param streamClosed the error a stream raises when read after its transaction ended, from the model's name
     */
    public RepositoryContext(RepositorySettings settings, Function<String, ? extends RuntimeException> streamClosed) {
        DataSource dataSource = settings.dataSource();
        Dialect given = settings.dialect();
        this.dialect = given != null ? given : DialectResolver.resolve(dataSource);
        ModelRegistry givenRegistry = settings.registry();
        this.registry = givenRegistry != null ? givenRegistry : new ModelRegistry(dataSource, dialect);
        if (registry.dialect() != dialect) {
            throw new IllegalArgumentException("The registry's dialect " + registry.dialect() + " differs from " + dialect);
        }
        QueryCache givenCache = settings.queryCache();
        this.queryCache = givenCache != null ? givenCache : new QueryCache();
        this.renderer = new QueryRenderer(registry, queryCache);
        this.executor = new StatementExecutor(dataSource, dialect, settings.queryTimeoutSeconds(),
                new QueryObserver(settings.observationRegistry(), settings.observationConvention()), settings.sqlLogSettings(),
                settings.statementListener());
        this.clock = settings.clock();
        this.queryTimeoutSeconds = settings.queryTimeoutSeconds();
        PlatformTransactionManager givenManager = settings.transactionManager();
        this.transactionManager = givenManager != null ? givenManager
                : new JdbcTransactionManager(dialect.transactionDataSource(dataSource));
        this.required = new CauseFirstTransactionTemplate(transactionManager);
        this.nested = new NestedTransactions(transactionManager);
        this.writer = new ModelWriter(dialect, executor, clock);
        ModelReads modelReads = new ModelReads(registry, dialect, renderer, executor, streamClosed);
        this.reads = modelReads;
        this.nativeReads = new NativeReads(dialect, executor, streamClosed);
        this.persistence = new ModelPersistence(registry, writer, executor, settings.listeners(), required,
                q -> modelReads.list(q, Map.of()));
    }

    public Dialect dialect() {
        return dialect;
    }

    public ModelRegistry registry() {
        return registry;
    }

    public QueryCache queryCache() {
        return queryCache;
    }

    /** Renders queries to SQL through the query cache. */
    public QueryRenderer renderer() {
        return renderer;
    }

    public StatementExecutor executor() {
        return executor;
    }

    public DataSource dataSource() {
        return executor.dataSource();
    }

    /** The clock of created_at/updated_at. */
    public Clock clock() {
        return clock;
    }

    /** The statement timeout applied outside Spring transaction timeouts (0: none). */
    public int queryTimeoutSeconds() {
        return queryTimeoutSeconds;
    }

    public PlatformTransactionManager transactionManager() {
        return transactionManager;
    }

    /** A PROPAGATION_REQUIRED template over the transaction manager: joins the caller's transaction or opens one. */
    public TransactionTemplate required() {
        return required;
    }

    /**
     * A PROPAGATION_NESTED template: a new transaction when none is active, a savepoint of the active one otherwise.
     * Fails when the transaction manager does not allow savepoints.
     */
    public TransactionTemplate nested() {
        return nested.template();
    }

    /** The INSERT, UPDATE and DELETE of one model. */
    public ModelWriter writer() {
        return writer;
    }

    /** Save and destroy with validation, hooks, listeners and cascades. */
    public ModelPersistence persistence() {
        return persistence;
    }

    /** The SELECTs: lists, counts, streams, locked reads. */
    public ModelReads reads() {
        return reads;
    }

    /** The reads of native SQL: lists, streams, batches, locked selects. */
    public NativeReads nativeReads() {
        return nativeReads;
    }
}

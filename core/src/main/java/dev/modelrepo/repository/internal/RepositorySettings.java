package dev.modelrepo.repository.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.transaction.PlatformTransactionManager;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.internal.Arguments;
import dev.modelrepo.model.ModelListener;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.observation.QueryObservationConvention;
import dev.modelrepo.observation.SqlLogSettings;
import dev.modelrepo.observation.StatementListener;
import dev.modelrepo.query.QueryCache;

/**
 * What the repository's builder collected, checked as it is set; a {@link RepositoryContext} is made from it. Null
 * parts (dialect, registry, query cache, transaction manager) are made by the context.
 */
public final class RepositorySettings {

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

    private SqlLogSettings sqlLogSettings = SqlLogSettings.defaults();

    private @Nullable StatementListener statementListener;

    public RepositorySettings(DataSource dataSource) {
        this.dataSource = Arguments.notNull(dataSource, "dataSource");
    }

    public void dialect(@Nullable Dialect dialect) {
        this.dialect = dialect;
    }

    public void registry(@Nullable ModelRegistry registry) {
        this.registry = registry;
    }

    public void queryCache(@Nullable QueryCache queryCache) {
        this.queryCache = queryCache;
    }

    public void clock(Clock clock) {
        this.clock = Arguments.notNull(clock, "clock");
    }

    public void queryTimeoutSeconds(int seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("queryTimeoutSeconds must not be negative: " + seconds);
        }
        this.queryTimeoutSeconds = seconds;
    }

    /** Rounded up to whole seconds (JDBC's unit), so that a positive duration never means "none"; null, zero or negative: none. */
    public void queryTimeout(@Nullable Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            queryTimeoutSeconds(0);
            return;
        }
        long seconds = timeout.toSeconds() + (timeout.toNanosPart() > 0 ? 1 : 0);
        queryTimeoutSeconds((int) Math.min(Integer.MAX_VALUE, seconds));
    }

    public void transactionManager(@Nullable PlatformTransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    public void listeners(List<? extends ModelListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    public void observationRegistry(ObservationRegistry observationRegistry) {
        this.observationRegistry = Arguments.notNull(observationRegistry, "observationRegistry");
    }

    public void observationConvention(@Nullable QueryObservationConvention convention) {
        this.observationConvention = convention;
    }

    public void sqlLogging(SqlLogSettings settings) {
        this.sqlLogSettings = Arguments.notNull(settings, "settings");
    }

    /** Adds a listener after those added before: each is told of every statement, in the order they were added. */
    public void addStatementListener(StatementListener listener) {
        StatementListener added = Arguments.notNull(listener, "listener");
        StatementListener before = this.statementListener;
        this.statementListener = before == null ? added : (operation, model, sql) -> {
            before.onStatement(operation, model, sql);
            added.onStatement(operation, model, sql);
        };
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Nullable Dialect dialect() {
        return dialect;
    }

    @Nullable ModelRegistry registry() {
        return registry;
    }

    @Nullable QueryCache queryCache() {
        return queryCache;
    }

    Clock clock() {
        return clock;
    }

    int queryTimeoutSeconds() {
        return queryTimeoutSeconds;
    }

    @Nullable PlatformTransactionManager transactionManager() {
        return transactionManager;
    }

    List<ModelListener> listeners() {
        return listeners;
    }

    ObservationRegistry observationRegistry() {
        return observationRegistry;
    }

    @Nullable QueryObservationConvention observationConvention() {
        return observationConvention;
    }

    SqlLogSettings sqlLogSettings() {
        return sqlLogSettings;
    }

    @Nullable StatementListener statementListener() {
        return statementListener;
    }
}

package dev.modelrepo.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionTranslator;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.observation.QueryObserver;
import dev.modelrepo.observation.SqlLogSettings;
import dev.modelrepo.observation.SqlCommenter;
import dev.modelrepo.observation.StatementListener;
import dev.modelrepo.replica.ReplicaRouting;

/**
 * Runs bound statements on the connection of the current Spring transaction (or a pooled one, released
 * afterwards), applies the transaction's or the configured timeout, and translates {@link SQLException}s
 * into Spring's {@link DataAccessException}s with the dialect's translator. Logs each statement to {@code dev.modelrepo.sql}
 * (see {@link SqlLogSettings}).
 */
public final class StatementExecutor {

    private final DataSource dataSource;

    private final SQLExceptionTranslator translator;

    private final int queryTimeoutSeconds;

    private final QueryObserver observer;

    private final String dialect;

    private final Dialect dialectImpl;

    /** Whether an open stream blocks its connection (the dialect says: MySQL/MariaDB): only then is every statement checked for one. */
    private final boolean streamingBlocks;

    /** Whether the driver stops statements at their timeout itself; where not (SQLite), the dialect watches them. */
    private final boolean timeoutsEnforced;

    private final SqlLog sqlLog;

    /** Whether the DataSource sends connections flagged read-only to a read replica ({@link ReplicaRouting}). */
    private final boolean routesReads;

    /** Tags appended to the SQL sent to the database, never to what is cached, observed or logged; null for none. */
    private final @org.jspecify.annotations.Nullable SqlCommenter commenter;

    private final @org.jspecify.annotations.Nullable StatementListener listener;

    public StatementExecutor(DataSource dataSource, Dialect dialect, int queryTimeoutSeconds, QueryObserver observer) {
        this(dataSource, dialect, queryTimeoutSeconds, observer, SqlLogSettings.defaults());
    }

    public StatementExecutor(DataSource dataSource, Dialect dialect, int queryTimeoutSeconds, QueryObserver observer,
            SqlLogSettings sqlLogSettings) {
        this(dataSource, dialect, queryTimeoutSeconds, observer, sqlLogSettings, null);
    }

    public StatementExecutor(DataSource dataSource, Dialect dialect, int queryTimeoutSeconds, QueryObserver observer,
            SqlLogSettings sqlLogSettings, @org.jspecify.annotations.Nullable StatementListener listener) {
        this.listener = listener;
        this.dataSource = dataSource;
        this.translator = dialect.exceptionTranslator();
        this.queryTimeoutSeconds = queryTimeoutSeconds;
        this.observer = observer;
        this.dialect = dialect.name();
        this.dialectImpl = dialect;
        this.streamingBlocks = dialect.streamingBlocksConnection();
        this.timeoutsEnforced = dialect.driverEnforcesTimeouts();
        this.sqlLog = new SqlLog(sqlLogSettings);
        this.routesReads = ReplicaRouting.routes(dataSource);
        this.commenter = sqlLogSettings.comments().orElse(null);
    }

    /** What a statement is, for its observation and error messages: operation, table (lower case) and cache outcome. */
    public record Op(String operation, String model, String cache) {
        public static Op of(String operation, String model) {
            return new Op(operation, model, "none");
        }

        String task() {
            return operation + " " + model;
        }
    }

    private static long rowsOf(@org.jspecify.annotations.Nullable Object result) {
        if (result instanceof java.util.Collection<?> c) {
            return c.size();
        }
        if (result instanceof Number n) {
            return n.longValue();
        }
        return result == null ? 0 : 1;
    }

    /**
     * Applies the Spring transaction's timeout, else the configured one. Nothing is set when neither exists:
     * {@code setQueryTimeout(0)} is not free (H2 runs it as a command that drops its parsed-statement cache).
     */
    void applyTimeout(java.sql.Statement statement) throws SQLException {
        // Only a transaction carries a timeout: skip the resource lookup when none is active and none is configured.
        if (queryTimeoutSeconds > 0 || org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            DataSourceUtils.applyTimeout(statement, dataSource, queryTimeoutSeconds > 0 ? queryTimeoutSeconds : -1);
        }
    }

    /**
     * {@link #applyTimeout(java.sql.Statement)}, and where the driver does not stop statements at their timeout
     * (SQLite) a watch that does, to close after the statement; null when there is nothing to watch.
     */
    public @org.jspecify.annotations.Nullable TimeoutWatch applyTimeout(Connection connection, java.sql.Statement statement) throws SQLException {
        applyTimeout(statement);
        if (timeoutsEnforced) {
            return null;
        }
        int seconds = statement.getQueryTimeout();
        return seconds > 0 ? new TimeoutWatch(dialectImpl.enforceTimeout(connection, seconds)) : null;
    }

    /** Ends the dialect's watch over a statement's timeout. */
    public record TimeoutWatch(AutoCloseable watch) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try {
                watch.close();
            }
            catch (SQLException | RuntimeException ex) {
                throw ex;
            }
            catch (Exception ex) {
                throw new SQLException("Could not end the statement's timeout watch", ex);
            }
        }
    }

    /** Prepares on a connection; the callers' finally blocks release it, also when the check refuses. */
    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        if (streamingBlocks) {
            checkNotStreaming(connection);
        }
        dialectImpl.beforeStatement(connection, dataSource);
        return connection.prepareStatement(commented(sql));
    }

    private PreparedStatement prepareWithKeys(Connection connection, String sql) throws SQLException {
        if (streamingBlocks) {
            checkNotStreaming(connection);
        }
        dialectImpl.beforeStatement(connection, dataSource);
        return connection.prepareStatement(commented(sql), java.sql.Statement.RETURN_GENERATED_KEYS);
    }

    /** The SQL as sent to the database: with the commenter's tags appended, when there is a commenter. */
    public String commented(String sql) {
        return commenter == null ? sql : sql + SqlCommenter.comment(commenter.tags());
    }

    /** Executes a query and hands the whole result set to {@code handler} before the connection is released. */
    public <T> T query(BoundStatement statement, Op op, ResultHandler<T> handler) {
        return query(statement, op, handler, false);
    }

    /**
     * {@link #query(BoundStatement, Op, ResultHandler)} of a statement that only reads (a SELECT modelrepo compiled), which
     * outside a transaction may run on a read replica: see {@link #readConnection(boolean)}.
     */
    public <T> T read(BoundStatement statement, Op op, ResultHandler<T> handler) {
        return query(statement, op, handler, true);
    }

    private <T> T query(BoundStatement statement, Op op, ResultHandler<T> handler, boolean onlyReads) {
        report(op, statement.sql());
        if (!observer.enabled() && !sqlLog.active()) {
            return doQuery(statement, op, handler, onlyReads);   // nothing observes or logs: no work supplier to allocate
        }
        if (sqlLog.active()) {
            SqlLog.Values values = sqlLog.values(op, statement);
            return observer.observe(op.operation(), op.model(), dialect, op.cache(), statement.sql(),
                    () -> sqlLog.run(op, statement.sql(), values, () -> doQuery(statement, op, handler, onlyReads), StatementExecutor::rowsOf),
                    StatementExecutor::rowsOf);
        }
        return observer.observe(op.operation(), op.model(), dialect, op.cache(), statement.sql(),
                () -> doQuery(statement, op, handler, onlyReads), StatementExecutor::rowsOf);
    }

    /**
     * The connection of the current transaction, or a pooled one; when {@code onlyReads} and there is no transaction, a
     * routing DataSource's connection is flagged read-only first, which sends it to the read replica (while no physical
     * connection is fetched yet, the flag costs nothing).
     */
    public Connection readConnection(boolean onlyReads) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        if (onlyReads && routesReads && !org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()
                && !DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
            try {
                connection.setReadOnly(true);
            }
            catch (SQLException ex) {
                DataSourceUtils.releaseConnection(connection, dataSource);
                throw translate("read", "(read-only flag)", ex);
            }
        }
        return connection;
    }

    /** {@code op} names the statement in an error's message, built only then. */
    private <T> T doQuery(BoundStatement statement, Op op, ResultHandler<T> handler, boolean onlyReads) {
        for (int attempt = 0;; attempt++) {
            Connection connection = readConnection(onlyReads);
            try (PreparedStatement ps = prepare(connection, statement.sql()); TimeoutWatch watch = applyTimeout(connection, ps)) {
                statement.bindTo(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return handler.handle(rs);
                }
            }
            catch (SQLException ex) {
                if (attempt == 0 && onlyReads && retriesOnPrimary(connection, ex)) {
                    continue;   // released below; the next connection comes from the primary
                }
                throw translate(op.task(), statement.sql(), ex);
            }
            finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    /**
     * Whether a read outside a transaction that failed on this connection may run once more: the read replica lost the
     * connection (it stopped, it crashed), which the routing now skips, so the next connection is the primary's.
     */
    public boolean retriesOnPrimary(Connection connection, SQLException ex) {
        return routesReads && !DataSourceUtils.isConnectionTransactional(connection, dataSource)
                && ReplicaRouting.replicaFailed(dataSource, connection, ex);
    }

    /** Executes an update and returns the affected row count. */
    public int update(BoundStatement statement, Op op) {
        report(op, statement.sql());
        if (sqlLog.active()) {
            SqlLog.Values values = sqlLog.values(op, statement);
            return observer.observe(op.operation(), op.model(), dialect, op.cache(), statement.sql(),
                    () -> sqlLog.run(op, statement.sql(), values, () -> doUpdate(statement, op), n -> n), n -> n);
        }
        return observer.observe(op.operation(), op.model(), dialect, op.cache(), statement.sql(),
                () -> doUpdate(statement, op), n -> n);
    }

    private int doUpdate(BoundStatement statement, Op op) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = prepare(connection, statement.sql()); TimeoutWatch watch = applyTimeout(connection, ps)) {
            statement.bindTo(ps);
            return ps.executeUpdate();
        }
        catch (SQLException ex) {
            throw translate(op.task(), statement.sql(), ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Work on a prepared statement of the transaction's connection. */
    @FunctionalInterface
    public interface StatementWork<T> {
        T run(PreparedStatement ps) throws SQLException;
    }

    /** Prepares {@code sql} (asking for generated keys when {@code keys}) and runs {@code work} on it. */
    public <T> T execute(String sql, Op op, boolean keys, StatementWork<T> work) {
        return execute(sql, op, keys, work, StatementExecutor::rowsOf);
    }

    /** {@link #execute(String, Op, boolean, StatementWork)} with the observed row count taken from the result by {@code rows}. */
    public <T> T execute(String sql, Op op, boolean keys, StatementWork<T> work, java.util.function.ToLongFunction<T> rows) {
        report(op, sql);
        if (!observer.enabled() && !sqlLog.active()) {
            return doExecute(sql, op, keys, work);   // nothing observes or logs: no work supplier to allocate
        }
        if (sqlLog.active()) {
            SqlLog.Values values = sqlLog.recorder(op);
            StatementWork<T> recorded = values == null ? work : ps -> work.run(values.wrap(ps));
            return observer.observe(op.operation(), op.model(), dialect, op.cache(), sql,
                    () -> sqlLog.run(op, sql, values, () -> doExecute(sql, op, keys, recorded), rows), rows);
        }
        return observer.observe(op.operation(), op.model(), dialect, op.cache(), sql, () -> doExecute(sql, op, keys, work), rows);
    }

    private <T> T doExecute(String sql, Op op, boolean keys, StatementWork<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = keys ? prepareWithKeys(connection, sql) : prepare(connection, sql);
                TimeoutWatch watch = applyTimeout(connection, ps)) {
            return work.run(ps);
        }
        catch (SQLException ex) {
            throw translate(op.task(), sql, ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Refuses a statement on a connection that has a streaming result open where the driver cannot run
     * anything else meanwhile (MySQL fails, MariaDB would buffer the rest of the stream in memory).
     */
    public void checkNotStreaming(Connection connection) {
        if (StreamingConnections.isStreaming(connection)) {
            throw new org.springframework.dao.InvalidDataAccessApiUsageException("A stream is open on this transaction's connection"
                    + " and " + dialect + " cannot run another statement on it until it is closed: finish or close the stream first,"
                    + " or read it with forEachBatch and write after each batch outside the stream");
        }
    }

    public DataAccessException translate(String task, String sql, SQLException ex) {
        DataAccessException translated = translator.translate(task, sql, ex);
        return translated != null ? translated : new UncategorizedSQLException(task, sql, ex);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Work on the transaction's connection itself (PostgreSQL's COPY, for one). */
    @FunctionalInterface
    public interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on the connection of the current transaction (or a pooled one, released afterwards), observed
     * and translated like a statement whose SQL is {@code sql}.
     */
    public <T> T withConnection(String sql, Op op, ConnectionWork<T> work) {
        report(op, sql);
        if (sqlLog.active()) {
            return observer.observe(op.operation(), op.model(), dialect, op.cache(), sql,
                    () -> sqlLog.run(op, sql, null, () -> doWithConnection(sql, op, work), StatementExecutor::rowsOf),
                    StatementExecutor::rowsOf);
        }
        return observer.observe(op.operation(), op.model(), dialect, op.cache(), sql, () -> doWithConnection(sql, op, work),
                StatementExecutor::rowsOf);
    }

    private <T> T doWithConnection(String sql, Op op, ConnectionWork<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            checkNotStreaming(connection);
            dialectImpl.beforeStatement(connection, dataSource);
            return work.run(connection);
        }
        catch (SQLException ex) {
            throw translate(op.task(), sql, ex);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Whether a {@link StatementListener} is to be told of statements run outside this executor ({@link #report}). */
    public boolean reportsStatements() {
        return listener != null;
    }

    /** Tells the {@link StatementListener}, if there is one, that this statement is about to run. */
    public void report(Op op, String sql) {
        if (listener != null) {
            listener.onStatement(op.operation(), op.model(), sql);
        }
    }

    /** Whether a stream's query is to be timed for the SQL log ({@link #logStream}). */
    public boolean logsStatements() {
        return sqlLog.active();
    }

    /** Logs the query of a stream, which opened after {@code nanos} (or failed to) and reads its rows later. */
    public void logStream(BoundStatement statement, Op op, long nanos, @org.jspecify.annotations.Nullable Throwable failure) {
        sqlLog.opened(op, statement.sql(), nanos, failure, sqlLog.values(op, statement));
    }
}

package dev.modelrepo.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of modelrepo, under {@code modelrepo.*}.
 */
@ConfigurationProperties("modelrepo")
public class ModelRepositoryProperties {

    /**
     * Name of the SQL dialect to use (postgresql, mysql, mariadb, h2, sqlite, cockroachdb, yugabytedb, tidb or
     * shardingsphere-postgresql). Detected from the database metadata when not set.
     */
    private @Nullable String dialect;

    /**
     * Packages to scan for @Table model classes. The application's auto-configuration packages (those of the
     * @SpringBootApplication class) when empty.
     */
    private List<String> modelPackages = new ArrayList<>();

    /**
     * Statement timeout applied to every query when no Spring transaction sets a shorter one. Rounded up to
     * whole seconds. No timeout when not set.
     */
    private @Nullable Duration queryTimeout;

    private final QueryCache queryCache = new QueryCache();

    private final Bulk bulk = new Bulk();

    private final Lock lock = new Lock();

    private final Tx tx = new Tx();

    private final Sql sql = new Sql();

    private final Metrics metrics = new Metrics();

    private final Sqlite sqlite = new Sqlite();

    public @Nullable String getDialect() {
        return this.dialect;
    }

    public void setDialect(@Nullable String dialect) {
        this.dialect = dialect;
    }

    public List<String> getModelPackages() {
        return this.modelPackages;
    }

    public void setModelPackages(List<String> modelPackages) {
        this.modelPackages = modelPackages;
    }

    public @Nullable Duration getQueryTimeout() {
        return this.queryTimeout;
    }

    public void setQueryTimeout(@Nullable Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public QueryCache getQueryCache() {
        return this.queryCache;
    }

    public Bulk getBulk() {
        return this.bulk;
    }

    public Lock getLock() {
        return this.lock;
    }

    public Tx getTx() {
        return this.tx;
    }

    public Sql getSql() {
        return this.sql;
    }

    public Sqlite getSqlite() {
        return this.sqlite;
    }

    public Metrics getMetrics() {
        return this.metrics;
    }

    /** Settings of the cache of rendered SQL. */
    public static class QueryCache {

        /**
         * Number of rendered queries (query shape and dialect) to keep. 0 disables the cache, so every
         * execution renders its SQL.
         */
        private long maxSize = 2000;

        public long getMaxSize() {
            return this.maxSize;
        }

        public void setMaxSize(long maxSize) {
            this.maxSize = maxSize;
        }
    }

    /** Settings of bulk insert, update and delete. */
    public static class Bulk {

        /**
         * Number of rows per statement (or JDBC batch) of bulk operations whose options set none. When not set,
         * 1000, and 10000 for the statements that bind one array per column (PostgreSQL's unnest and = ANY).
         */
        private @Nullable Integer batchSize;

        public @Nullable Integer getBatchSize() {
            return this.batchSize;
        }

        public void setBatchSize(@Nullable Integer batchSize) {
            this.batchSize = batchSize;
        }
    }

    /** Settings of the lock helpers. */
    public static class Lock {

        private final Retry retry = new Retry();

        public Retry getRetry() {
            return this.retry;
        }

        /** Settings of retry on optimistic locking, lock and deadlock conflicts. */
        public static class Retry {

            /**
             * Number of attempts (the first one included) of LockOperations.retryOnConflict(work) on conflicts.
             */
            private int attempts = 5;   // LockOperations.DEFAULT_ATTEMPTS

            /**
             * First wait between attempts of retryOnConflict, doubled per attempt (with jitter) up to 500 ms.
             */
            private Duration backoff = Duration.ofMillis(50);   // LockOperations.INITIAL_BACKOFF; a literal so the metadata shows it

            public int getAttempts() {
                return this.attempts;
            }

            public void setAttempts(int attempts) {
                this.attempts = attempts;
            }

            public Duration getBackoff() {
                return this.backoff;
            }

            public void setBackoff(Duration backoff) {
                this.backoff = backoff;
            }
        }
    }

    /** Settings of whole-transaction retries. */
    public static class Tx {

        private final Retry retry = new Retry();

        public Retry getRetry() {
            return this.retry;
        }

        /** Settings of the retry of @RetryOnConflict methods, each attempt a new transaction. */
        public static class Retry {

            /** Whether methods annotated @RetryOnConflict are retried on conflicts. */
            private boolean enabled = true;

            /** Number of attempts (the first one included) of a @RetryOnConflict method that does not give its own. */
            private int attempts = 5;

            /** First wait between attempts of a @RetryOnConflict method, doubled per attempt (with jitter) up to 500 ms. */
            private Duration backoff = Duration.ofMillis(50);

            public boolean isEnabled() {
                return this.enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public int getAttempts() {
                return this.attempts;
            }

            public void setAttempts(int attempts) {
                this.attempts = attempts;
            }

            public Duration getBackoff() {
                return this.backoff;
            }

            public void setBackoff(Duration backoff) {
                this.backoff = backoff;
            }
        }
    }

    /**
     * Settings of the "dev.modelrepo.sql" logger, whose level says what is logged: DEBUG each statement with its
     * duration and rows, TRACE its bound values too.
     */
    public static class Sql {

        /**
         * Name fragments of the columns (or, for values not tied to a column, parameters) whose values are logged as
         * "****"; matched case-insensitively anywhere in the name.
         */
        private List<String> maskedColumns = new ArrayList<>(List.of("password", "secret", "token"));   // SqlLogSettings.DEFAULT_MASKED_COLUMNS

        /**
         * Duration above which a statement is logged at WARN with its masked values, whatever the logger's level
         * below WARN. No slow-statement warnings when not set.
         */
        private @Nullable Duration slowQueryThreshold;

        /**
         * Whether to append sqlcommenter tags (application, controller, action, traceparent) to every statement sent
         * to the database, so its slow-query log points at the code.
         */
        private boolean comments;

        public List<String> getMaskedColumns() {
            return this.maskedColumns;
        }

        public void setMaskedColumns(List<String> maskedColumns) {
            this.maskedColumns = maskedColumns;
        }

        public @Nullable Duration getSlowQueryThreshold() {
            return this.slowQueryThreshold;
        }

        public void setSlowQueryThreshold(@Nullable Duration slowQueryThreshold) {
            this.slowQueryThreshold = slowQueryThreshold;
        }

        public boolean isComments() {
            return this.comments;
        }

        public void setComments(boolean comments) {
            this.comments = comments;
        }
    }

    /** Settings of Micrometer metrics. */
    public static class Metrics {

        /**
         * Whether to record a "modelrepo.query" observation of every statement, in the application's
         * ObservationRegistry (Spring Boot configures one with the actuator), and, when micrometer-core is present,
         * the modelrepo.query.cache.*, modelrepo.query.rows and modelrepo.conflicts meters.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * Defaults for SQLite connection pools (HikariCP, jdbc:sqlite: URLs), passed to sqlite-jdbc as driver properties;
     * a pragma the URL or spring.datasource.hikari.data-source-properties sets wins.
     */
    public static class Sqlite {

        /** Whether to apply these defaults (and to give in-memory databases a single shared connection). */
        private boolean enabled = true;

        /** The journal mode: WAL lets readers run while one connection writes. */
        private String journalMode = "WAL";

        /** How long a statement waits for another connection's write lock before failing with SQLITE_BUSY. */
        private Duration busyTimeout = Duration.ofSeconds(5);

        /** Whether foreign keys are enforced (SQLite's own default is off). */
        private boolean foreignKeys = true;

        /**
         * The mode transactions begin in: IMMEDIATE takes the write lock at BEGIN, so a transaction that writes
         * never fails midway on a lock upgrade (DEFERRED, EXCLUSIVE also accepted).
         */
        private String transactionMode = "IMMEDIATE";

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getJournalMode() {
            return this.journalMode;
        }

        public void setJournalMode(String journalMode) {
            this.journalMode = journalMode;
        }

        public Duration getBusyTimeout() {
            return this.busyTimeout;
        }

        public void setBusyTimeout(Duration busyTimeout) {
            this.busyTimeout = busyTimeout;
        }

        public boolean isForeignKeys() {
            return this.foreignKeys;
        }

        public void setForeignKeys(boolean foreignKeys) {
            this.foreignKeys = foreignKeys;
        }

        public String getTransactionMode() {
            return this.transactionMode;
        }

        public void setTransactionMode(String transactionMode) {
            this.transactionMode = transactionMode;
        }
    }
}

package dev.modelrepo.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of modelrepo, under {@code modelrepo.*}.
 * <p>
 * Some groups are bound ahead of the core features that will read them ({@code bulk}, {@code sql}): their
 * javadoc says so, and setting them has no effect yet.
 */
@ConfigurationProperties("modelrepo")
public class ModelRepositoryProperties {

    /**
     * Name of the SQL dialect to use (postgresql, mysql, mariadb, h2 or sqlite). Detected from the database
     * metadata when not set.
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

    private final Sql sql = new Sql();

    private final Metrics metrics = new Metrics();

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

    public Sql getSql() {
        return this.sql;
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
         * Number of rows sent to the database per batch by bulk operations. Bound for the bulk operations of
         * modelrepo-core, which do not exist yet: no effect so far.
         */
        private int batchSize = 1000;

        public int getBatchSize() {
            return this.batchSize;
        }

        public void setBatchSize(int batchSize) {
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

    /** Settings of SQL logging. */
    public static class Sql {

        /**
         * What to log of each executed statement. Bound for the statement logging of modelrepo-core, which
         * does not exist yet: no effect so far.
         */
        private SqlLog log = SqlLog.OFF;

        public SqlLog getLog() {
            return this.log;
        }

        public void setLog(SqlLog log) {
            this.log = log;
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

    /** What SQL logging shows. */
    public enum SqlLog {

        /** Log nothing. */
        OFF,

        /** Log each statement's SQL with its placeholders. */
        STATEMENTS,

        /** Log each statement's SQL and its bind values (may expose personal data). */
        WITH_VALUES

    }
}

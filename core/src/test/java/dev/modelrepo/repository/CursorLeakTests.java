package dev.modelrepo.repository;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.LoggerFactory;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;

import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Streams that are neither closed nor read to the end: one outside a transaction is released when it is
 * garbage-collected, with a WARN naming where it was opened; one inside a transaction is closed when the
 * transaction commits or rolls back, and reading it afterwards fails clearly. Each test has a pool of its own
 * (at most 2 connections; on PostgreSQL with an application name) to count its connections and sessions.
 */
@Changelog("db/changelog/test-schema.xml")
class CursorLeakTests {

    /** The logger the README names for streams garbage-collected unclosed. */
    private static final String CURSOR_LOGGER = "dev.modelrepo.repository.internal.Cursor";

    private static final String TAG = "leak-row";

    private static final long GC_DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static HikariDataSource pool(TestDatabase db, String application) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM employees WHERE email = '" + TAG + "'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO employees (name, email, salary, active) VALUES (?, ?, ?, ?)")) {
                    for (int i = 0; i < 2000; i++) {
                        ps.setString(1, "l" + i);
                        ps.setString(2, TAG);
                        ps.setInt(3, i);
                        ps.setBoolean(4, true);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        }
        HikariConfig config = new HikariConfig();
        String url = db.jdbcUrl();
        if (db.engine() == Engine.POSTGRESQL) {
            url += (url.contains("?") ? "&" : "?") + "ApplicationName=" + application(db, application);
        }
        config.setJdbcUrl(url);
        config.setUsername(db.username());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(5_000);
        return new HikariDataSource(config);
    }

    private static String application(TestDatabase db, String test) {
        return "leak-" + test + "-" + db.name();
    }

    private static ModelQuery<Employee> rows() {
        return ModelQuery.from(Employee.class, "e").where(eq("e.email", TAG)).orderBy(asc("e.salary"));
    }

    private static int active(HikariDataSource pool) {
        return pool.getHikariPoolMXBean().getActiveConnections();
    }

    /** PostgreSQL sessions of the pool that sit in an open transaction; -1 on other engines. */
    private static int idleInTransaction(TestDatabase db, String test) throws SQLException {
        if (db.engine() != Engine.POSTGRESQL) {
            return -1;
        }
        try (Connection admin = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                PreparedStatement ps = admin.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                        + " WHERE application_name = ? AND state = 'idle in transaction'")) {
            ps.setString(1, application(db, test));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Opens a stream, reads three rows and drops it without closing it: nothing refers to it afterwards. */
    private static List<Integer> readThreeAndAbandon(ModelRepository repo) {
        Iterator<Employee> it = repo.stream(rows(), Map.of(), 10).iterator();
        return List.of(it.next().get("salary", Integer.class), it.next().get("salary", Integer.class), it.next().get("salary", Integer.class));
    }

    private static ListAppender<ILoggingEvent> capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(CURSOR_LOGGER);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setAdditive(false);   // the expected WARN would only clutter the build output
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        Logger logger = (Logger) LoggerFactory.getLogger(CURSOR_LOGGER);
        logger.detachAppender(appender);
        logger.setAdditive(true);
    }

    @EngineTest
    void anAbandonedStreamOutsideATransactionIsReleasedWhenCollected(TestDatabase db) throws Exception {
        String test = "gc";
        ListAppender<ILoggingEvent> log = capture();
        try (HikariDataSource pool = pool(db, test)) {
            ModelRepository repo = ModelRepository.create(pool);
            assertThat(readThreeAndAbandon(repo)).containsExactly(0, 1, 2);
            assertThat(active(pool)).as("held by the abandoned stream").isEqualTo(1);
            if (db.engine() == Engine.POSTGRESQL) {
                assertThat(idleInTransaction(db, test)).as("the stream's own read transaction").isEqualTo(1);
            }
            long start = System.nanoTime();
            int collections = 0;
            while (active(pool) > 0 && System.nanoTime() - start < GC_DEADLINE_NANOS) {
                System.gc();
                collections++;
                Thread.sleep(20);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.printf("cursor leak [%s]: released %d ms after dropping it (%d System.gc() calls)%n", db.engine(), millis, collections);
            assertThat(active(pool)).as("released within 10 s of GC").isZero();
            if (db.engine() == Engine.POSTGRESQL) {
                assertThat(idleInTransaction(db, test)).isZero();
            }
            List<ILoggingEvent> warnings = openedBy(log, "anAbandonedStreamOutsideATransactionIsReleasedWhenCollected");
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).getLevel()).isEqualTo(Level.WARN);
            assertThat(warnings.get(0).getFormattedMessage()).contains("stream of Employee", "not closed", "connection is released now");
            // the pool of 2 is whole again: two streams at once read to the end
            try (Stream<Employee> a = repo.stream(rows(), Map.of()); Stream<Employee> b = repo.stream(rows(), Map.of())) {
                assertThat(a.count() + b.count()).isEqualTo(4000);
            }
            assertThat(active(pool)).isZero();
        }
        finally {
            release(log);
        }
    }

    /** The logged events whose call site runs through {@code readThreeAndAbandon} called by {@code testMethod}. */
    private static List<ILoggingEvent> openedBy(ListAppender<ILoggingEvent> log, String testMethod) {
        return log.list.stream().filter(event -> event.getThrowableProxy() != null)
                .filter(event -> {
                    List<String> methods = Arrays.stream(event.getThrowableProxy().getStackTraceElementProxyArray())
                            .map(StackTraceElementProxy::getStackTraceElement).map(StackTraceElement::getMethodName).toList();
                    return methods.contains("readThreeAndAbandon") && methods.contains(testMethod);
                })
                .toList();
    }

    @EngineTest
    void anAbandonedStreamInATransactionIsReportedWhenCollectedAndReleasedWhenItEnds(TestDatabase db) throws Exception {
        String test = "gc-tx";
        ListAppender<ILoggingEvent> log = capture();
        try (HikariDataSource pool = pool(db, test)) {
            ModelRepository repo = ModelRepository.create(pool);
            TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(pool));
            String method = "anAbandonedStreamInATransactionIsReportedWhenCollectedAndReleasedWhenItEnds";
            tx.executeWithoutResult(status -> {
                assertThat(readThreeAndAbandon(repo)).containsExactly(0, 1, 2);
                long start = System.nanoTime();
                while (openedBy(log, method).isEmpty() && System.nanoTime() - start < GC_DEADLINE_NANOS) {
                    System.gc();
                    sleep(20);
                }
                assertThat(openedBy(log, method)).singleElement().extracting(ILoggingEvent::getFormattedMessage, as(STRING))
                        .contains("stream of Employee", "not closed", "its transaction releases it when it ends");
                // the cleaner left the transaction's connection alone: it is still the transaction's
                assertThat(active(pool)).isEqualTo(1);
            });
            assertThat(active(pool)).isZero();
            if (db.engine() == Engine.POSTGRESQL) {
                assertThat(idleInTransaction(db, test)).isZero();
            }
        }
        finally {
            release(log);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @EngineTest
    void aStreamLeftOpenInATransactionIsClosedWhenItCommits(TestDatabase db) throws Exception {
        String test = "commit";
        try (HikariDataSource pool = pool(db, test)) {
            ModelRepository repo = ModelRepository.create(pool);
            TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(pool));
            Object[] opened = new Object[2];
            tx.executeWithoutResult(status -> {
                Iterator<Employee> partly = repo.stream(rows(), Map.of(), 10).iterator();
                assertThat(partly.next().get("salary", Integer.class)).isZero();
                opened[0] = partly;
            });
            // a transaction of its own: MySQL/MariaDB refuse a second stream on the connection while one is open
            tx.executeWithoutResult(status -> opened[1] = repo.stream(rows(), Map.of(), 10));
            assertThat(active(pool)).isZero();
            if (db.engine() == Engine.POSTGRESQL) {
                assertThat(idleInTransaction(db, test)).isZero();
            }
            Iterator<?> partly = (Iterator<?>) opened[0];
            assertThatThrownBy(partly::hasNext).isInstanceOf(StreamClosedException.class)
                    .hasMessageContaining("stream of Employee").hasMessageContaining("transaction ended");
            assertThatThrownBy(partly::next).isInstanceOf(StreamClosedException.class);
            Stream<?> untouched = (Stream<?>) opened[1];
            assertThatThrownBy(untouched::toList).isInstanceOf(StreamClosedException.class)
                    .hasMessageContaining("transaction ended");
            assertThat(active(pool)).isZero();
        }
    }

    @EngineTest
    void aStreamLeftOpenInUseTransactionIsClosedWhenItRollsBack(TestDatabase db) throws Exception {
        String test = "rollback";
        try (HikariDataSource pool = pool(db, test)) {
            ModelRepository repo = ModelRepository.create(pool);
            Object[] opened = new Object[1];
            assertThatThrownBy(() -> repo.useTransaction(() -> {
                Iterator<Employee> partly = repo.stream(rows(), Map.of(), 10).iterator();
                partly.next();
                opened[0] = partly;
                throw new IllegalStateException("roll back");
            })).hasMessage("roll back");
            assertThat(active(pool)).isZero();
            if (db.engine() == Engine.POSTGRESQL) {
                assertThat(idleInTransaction(db, test)).isZero();
            }
            assertThatThrownBy(((Iterator<?>) opened[0])::next).isInstanceOf(StreamClosedException.class)
                    .hasMessageContaining("transaction ended");
            // the pool is whole and the engine takes statements again
            assertThat(repo.count(rows(), Map.of())).isEqualTo(2000);
            assertThat(active(pool)).isZero();
        }
    }

    @EngineTest
    void aStreamLeftOpenInASupportsScopeIsClosedWhenTheScopeEnds(TestDatabase db) throws Exception {
        String test = "supports";
        try (HikariDataSource pool = pool(db, test)) {
            ModelRepository repo = ModelRepository.create(pool);
            TransactionTemplate supports = new TransactionTemplate(new JdbcTransactionManager(pool));
            supports.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
            Iterator<?> partly = supports.execute(status -> {
                Iterator<Employee> it = repo.stream(rows(), Map.of(), 10).iterator();
                it.next();
                return it;
            });
            assertThat(active(pool)).isZero();
            if (db.engine() == Engine.POSTGRESQL) {
                assertThat(idleInTransaction(db, test)).as("the stream's own read transaction ended").isZero();
            }
            assertThatThrownBy(partly::next).isInstanceOf(StreamClosedException.class)
                    .hasMessageContaining("transaction ended");
        }
    }

    /** Not on MySQL/MariaDB: they cannot release the savepoint while the stream is open on the connection. */
    @EngineTest(engines = { Engine.H2, Engine.SQLITE, Engine.POSTGRESQL })
    void aStreamInANestedScopeStaysReadableUntilTheOuterTransactionEnds(TestDatabase db) throws Exception {
        try (HikariDataSource pool = pool(db, "nested")) {
            ModelRepository repo = ModelRepository.create(pool);
            Object[] opened = new Object[1];
            long read = repo.inTransaction(() -> {
                repo.useTransaction(() -> opened[0] = repo.stream(rows(), Map.of(), 10).iterator());
                Iterator<?> it = (Iterator<?>) opened[0];
                long n = 0;
                while (n < 5 && it.hasNext()) {
                    it.next();
                    n++;
                }
                return n;
            });
            assertThat(read).isEqualTo(5);
            assertThat(active(pool)).isZero();
            assertThatThrownBy(((Iterator<?>) opened[0])::hasNext).isInstanceOf(StreamClosedException.class);
        }
    }

    @EngineTest
    void aStreamReadToTheEndInATransactionStaysEmptyAfterwards(TestDatabase db) throws Exception {
        try (HikariDataSource pool = pool(db, "exhausted")) {
            ModelRepository repo = ModelRepository.create(pool);
            TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(pool));
            Iterator<?> it = tx.execute(status -> {
                Iterator<Employee> all = repo.stream(rows(), Map.of(), 500).iterator();
                long n = 0;
                while (all.hasNext()) {
                    all.next();
                    n++;
                }
                assertThat(n).isEqualTo(2000);
                return all;
            });
            assertThat(it.hasNext()).isFalse();
            assertThat(active(pool)).isZero();
        }
    }
}

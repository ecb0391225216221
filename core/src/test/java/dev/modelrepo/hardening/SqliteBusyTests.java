package dev.modelrepo.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;
import dev.modelrepo.fixtures.SqlitePools;

/**
 * SQLite under a writer that holds the database: a BEGIN that fails with SQLITE_BUSY must not leave a pooled
 * connection that silently keeps later non-transactional writes in a transaction nobody commits.
 */
class SqliteBusyTests {

    /** A note. */
    @Table(name = "notes")
    public static class Note extends Model {
    }

    static HikariDataSource pool(TestDatabase db, int size, int busyTimeoutMillis) {
        return SqlitePools.pool(db, size, busyTimeoutMillis, "IMMEDIATE");
    }

    static void createNotes(TestDatabase db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, text VARCHAR(40))");
            s.execute("DELETE FROM notes");
        }
    }

    static boolean visibleElsewhere(TestDatabase db, String text) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM notes WHERE text = '" + text + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    /** The reproduction: a pool of one, a failed BEGIN, a committed transaction, then a plain save. */
    @EngineTest(engines = Engine.SQLITE)
    void aPlainSaveAfterAFailedBeginIsCommitted(TestDatabase db) throws Exception {
        afterAFailedBegin(db, false);
    }

    /**
     * The same with a transaction manager of the application's (Spring Boot's) over the plain pool, which lets the
     * failed BEGIN poison the connection: modelrepo repairs it at its next statement.
     */
    @EngineTest(engines = Engine.SQLITE)
    void aPlainSaveAfterAFailedBeginIsCommittedWithTheApplicationsTransactionManager(TestDatabase db) throws Exception {
        afterAFailedBegin(db, true);
    }

    private static void afterAFailedBegin(TestDatabase db, boolean applicationManager) throws Exception {
        createNotes(db);
        try (HikariDataSource pool = pool(db, 1, 200); Connection holder = DriverManager.getConnection(db.jdbcUrl())) {
            ModelRepository repo = repository(pool, applicationManager);
            hold(holder);
            assertThatThrownBy(() -> repo.useTransaction(() -> repo.save(repo.build(Note.class, Map.of("text", "a")))))
                    .satisfies(ex -> assertThat(repo.locks().isRetryable(ex)).as("%s is a conflict", ex).isTrue());
            release(holder);

            repo.useTransaction(() -> repo.save(repo.build(Note.class, Map.of("text", "b"))));
            Note y = repo.build(Note.class, Map.of("text", "y"));
            repo.save(y);
            assertThat(y.id()).isNotNull();
            assertThat(visibleElsewhere(db, "y")).as("the acknowledged plain save is visible to other connections").isTrue();
            assertThatThrownBy(() -> repo.useTransaction(() -> {
                repo.save(repo.build(Note.class, Map.of("text", "z")));
                throw new IllegalStateException("roll back z");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(visibleElsewhere(db, "y")).as("a later rollback does not take the acknowledged save").isTrue();
            assertThat(visibleElsewhere(db, "b")).isTrue();
            assertThat(visibleElsewhere(db, "z")).isFalse();
            try (Connection idle = pool.getConnection()) {
                assertThat(idle.getAutoCommit()).as("the pooled connection is back in autocommit").isTrue();
            }
        }
    }

    /**
     * A poisoned connection (autocommit off, no transaction) whose repair BEGIN is busy too: the caller sees the
     * lock failure itself, which retryOnConflict retries, not "cannot rollback - no transaction is active".
     */
    @EngineTest(engines = Engine.SQLITE)
    void aBusyBeginInsideTheTransactionIsALockFailureThatRetries(TestDatabase db) throws Exception {
        createNotes(db);
        try (HikariDataSource pool = pool(db, 1, 100); Connection holder = DriverManager.getConnection(db.jdbcUrl())) {
            ModelRepository repo = repository(pool, true);
            hold(holder);
            // the application's manager lets this failed BEGIN leave the pooled connection with autocommit off
            assertThatThrownBy(() -> repo.useTransaction(() -> repo.save(repo.build(Note.class, Map.of("text", "a")))))
                    .isInstanceOf(CannotCreateTransactionException.class);
            // now Spring begins nothing on it; modelrepo's own BEGIN is busy as well
            assertThatThrownBy(() -> repo.useTransaction(() -> repo.save(repo.build(Note.class, Map.of("text", "c")))))
                    .isInstanceOf(CannotAcquireLockException.class)
                    .satisfies(ex -> assertThat(repo.locks().isRetryable(ex)).isTrue());
            // each attempt begins IMMEDIATE (SQLite's unit-of-work mode): its BEGIN is busy until the holder lets go
            long start = System.nanoTime();
            Thread releaser = new Thread(() -> {
                sleep(400);
                release(holder);
            });
            releaser.start();
            Note d = repo.locks().retryOnConflict(20, () -> {
                Note n = repo.build(Note.class, Map.of("text", "d"));
                repo.save(n);
                return n;
            });
            releaser.join();
            assertThat((System.nanoTime() - start) / 1_000_000).as("retried through the busy BEGINs").isGreaterThanOrEqualTo(400);
            assertThat(d.id()).isNotNull();
            assertThat(visibleElsewhere(db, "d")).isTrue();
            assertThat(visibleElsewhere(db, "a")).isFalse();
            assertThat(visibleElsewhere(db, "c")).isFalse();
            try (Connection idle = pool.getConnection()) {
                assertThat(idle.getAutoCommit()).isTrue();
            }
        }
    }

    /** The README's advice for a transaction manager of your own: the pooled connection is clean right after the failure. */
    @EngineTest(engines = Engine.SQLITE)
    void aManagerOverTheTransactionDataSourceReturnsCleanConnections(TestDatabase db) throws Exception {
        createNotes(db);
        try (HikariDataSource pool = pool(db, 1, 100); Connection holder = DriverManager.getConnection(db.jdbcUrl())) {
            JdbcTransactionManager manager = new JdbcTransactionManager(
                    dev.modelrepo.dialect.SqliteDialect.INSTANCE.transactionDataSource(pool));
            hold(holder);
            assertThatThrownBy(() -> new org.springframework.transaction.support.TransactionTemplate(manager)
                    .executeWithoutResult(status -> { })).isInstanceOf(CannotCreateTransactionException.class);
            try (Connection idle = pool.getConnection()) {
                assertThat(idle.getAutoCommit()).isTrue();
            }
            release(holder);
            JdbcTransactionManager plain = new JdbcTransactionManager(pool);
            hold(holder);
            assertThatThrownBy(() -> new org.springframework.transaction.support.TransactionTemplate(plain)
                    .executeWithoutResult(status -> { })).isInstanceOf(CannotCreateTransactionException.class);
            try (Connection idle = pool.getConnection()) {
                assertThat(idle.getAutoCommit()).as("what sqlite-jdbc leaves without it").isFalse();
            }
            release(holder);
        }
    }

    private static ModelRepository repository(DataSource pool, boolean applicationManager) {
        return SqlitePools.repository(pool, applicationManager);
    }

    /** Takes the write lock on another connection (sqlite-jdbc begins at setAutoCommit(false); a write makes it held). */
    private static void hold(Connection holder) throws SQLException {
        holder.setAutoCommit(false);
        try (Statement s = holder.createStatement()) {
            s.execute("INSERT INTO notes (text) VALUES ('holder')");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void release(Connection holder) {
        try {
            holder.commit();
            holder.setAutoCommit(true);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

package dev.modelrepo.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.fixtures.User;
import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.model.Model;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;
import dev.modelrepo.fixtures.SqlitePools;

/**
 * Bulk writes on SQLite while another connection holds the write lock ({@code BEGIN IMMEDIATE}) and the repository's
 * connections wait 1 ms: whether SQLITE_BUSY comes at BEGIN, at the transaction's first statement or at the first row,
 * inside the caller's transaction or in the operation's own, the caller gets a {@link CannotAcquireLockException} that
 * names the operation and model (and the element, where one was reached), which retryOnConflict retries; never an
 * index error. After the lock is released the same call succeeds.
 */
@Changelog("db/changelog/test-schema.xml")
class BulkBusyTests {

    /** A bulk call on rows of a tag; {@code rows} returns the rows (maps or models) to give it. */
    record Call(String name, String label, boolean needsStoredRows, CallBody body) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    interface CallBody {
        void run(ModelRepository repo, List<Map<String, Object>> rows);
    }

    static final List<Call> CALLS = List.of(
            new Call("insertBulk", "insertBulk of User", false,
                    (repo, rows) -> repo.bulk().insertBulk(User.class, List.of("name", "email"), rows)),
            new Call("updateBulk", "updateBulk of User", true,
                    (repo, rows) -> repo.bulk().updateBulk(User.class, List.of("age"), rows)),
            new Call("deleteBulk", "deleteBulk of User", true, (repo, rows) -> repo.bulk().deleteBulk(User.class, rows)),
            new Call("upsertBulk", "upsertBulk of User", false,
                    (repo, rows) -> repo.bulk().upsertBulk(User.class, List.of("name", "email"), rows, List.of("email"))),
            new Call("insertAll", "insertAll of User", false, (repo, rows) -> {
                List<User> users = new ArrayList<>();
                rows.forEach(r -> users.add(repo.build(User.class, Map.of("name", r.get("name"), "email", r.get("email")))));
                repo.bulk().insertAll(users);
            }));

    /** Where SQLITE_BUSY meets the call. */
    enum Situation {
        /** DEFERRED transactions: BEGIN takes no lock; the first row written is busy. In the caller's transaction. */
        FIRST_ROW_IN_THE_CALLERS_TRANSACTION("DEFERRED", false, true),
        /** The same in the operation's own transaction. */
        FIRST_ROW_IN_ITS_OWN_TRANSACTION("DEFERRED", false, false),
        /** IMMEDIATE: the BEGIN of the operation's own transaction is busy. */
        BEGIN_OF_ITS_OWN_TRANSACTION("IMMEDIATE", false, false),
        /**
         * An application's transaction manager over the plain pool: a busy BEGIN leaves the connection with autocommit
         * off and no transaction, so the caller's next transaction has none and modelrepo's own BEGIN at the first
         * statement is busy, before any row was read.
         */
        FIRST_STATEMENT_OF_THE_CALLERS_TRANSACTION("IMMEDIATE", true, true);

        final String mode;

        final boolean applicationManager;

        final boolean inCallersTransaction;

        Situation(String mode, boolean applicationManager, boolean inCallersTransaction) {
            this.mode = mode;
            this.applicationManager = applicationManager;
            this.inCallersTransaction = inCallersTransaction;
        }
    }

    @EngineTest(engines = Engine.SQLITE)
    void aBusyDatabaseIsALockFailureNamingTheOperationInEverySituation(TestDatabase db) throws SQLException {
        List<String> seen = new ArrayList<>();
        for (Situation situation : Situation.values()) {
            for (Call call : CALLS) {
                try (HikariDataSource pool = pool(db, situation.mode, 1); Connection holder = DriverManager.getConnection(db.jdbcUrl())) {
                    ModelRepository repo = repository(pool, situation.applicationManager);
                    String tag = "busy" + UUID.randomUUID().toString().substring(0, 8);
                    List<Map<String, Object>> rows = rows(repo, tag, call.needsStoredRows());
                    hold(holder);
                    try {
                        if (situation == Situation.FIRST_STATEMENT_OF_THE_CALLERS_TRANSACTION) {
                            // the failed BEGIN that leaves the pooled connection without its transaction
                            assertThatThrownBy(() -> repo.useTransaction(() -> repo.count(repo.query(User.class, "u"), Map.of())))
                                    .isInstanceOf(TransactionException.class);
                        }
                        String what = situation + ", " + call;
                        assertThatThrownBy(() -> run(repo, call, rows, situation.inCallersTransaction)).as(what)
                                .isInstanceOf(CannotAcquireLockException.class)
                                .hasMessageContaining(call.label())
                                .satisfies(ex -> assertThat(LockOperations.isConflict(ex)).as("%s is a conflict", ex).isTrue());
                        seen.add(what);
                    }
                    finally {
                        release(holder);
                    }
                    run(repo, call, rows, situation.inCallersTransaction);   // the retry, once the lock is gone
                    assertThat(count(db, tag)).as("%s, %s: rows after the retry", situation, call)
                            .isEqualTo(call.name().equals("deleteBulk") ? 0 : rows.size());
                }
            }
        }
        assertThat(seen).hasSize(Situation.values().length * CALLS.size());
    }

    @EngineTest(engines = Engine.SQLITE)
    void aBusyFirstRowIsNamedByItsElement(TestDatabase db) throws SQLException {
        try (HikariDataSource pool = pool(db, "DEFERRED", 1); Connection holder = DriverManager.getConnection(db.jdbcUrl())) {
            ModelRepository repo = repository(pool, false);
            List<Map<String, Object>> rows = rows(repo, "first" + UUID.randomUUID().toString().substring(0, 8), false);
            hold(holder);
            try {
                assertThatThrownBy(() -> repo.bulk().insertBulk(User.class, List.of("name", "email"), rows))
                        .isInstanceOf(CannotAcquireLockException.class)
                        .hasMessageContaining("insertBulk of User failed at element 0");
            }
            finally {
                release(holder);
            }
        }
    }

    /**
     * The load: 8 writers of insertBulk in and outside transactions on a database they contend for, with a
     * 1 ms busy timeout. Every failure is a Spring exception; every acknowledged call's rows are there, and a failed
     * call left none.
     */
    @EngineTest(engines = Engine.SQLITE)
    void contendingWritersSeeOnlySpringExceptionsAndLoseNoAcknowledgedRow(TestDatabase db) throws Exception {
        try (HikariDataSource pool = pool(db, "DEFERRED", 1)) {
            ModelRepository repo = repository(pool, false);
            ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            AtomicInteger busy = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < 8; w++) {
                    int writer = w;
                    done.add(writers.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            String tag = "load" + writer + "x" + i + UUID.randomUUID().toString().substring(0, 4);
                            List<Map<String, Object>> rows = new ArrayList<>();
                            for (int r = 0; r < 300; r++) {
                                rows.add(Map.of("name", tag, "email", tag + "-" + r + "@x.test"));
                            }
                            try {
                                if (i % 2 == 0) {
                                    repo.useTransaction(() -> repo.bulk().insertBulk(User.class, List.of("name", "email"), rows));
                                }
                                else {
                                    repo.bulk().insertBulk(User.class, List.of("name", "email"), rows);
                                }
                                acknowledged.add(tag);
                            }
                            catch (DataAccessException | TransactionException ex) {
                                failed.add(tag);
                                if (repo.locks().isRetryable(ex)) {
                                    busy.incrementAndGet();
                                }
                                else {
                                    unexpected.add(ex);
                                }
                            }
                            catch (RuntimeException ex) {
                                unexpected.add(ex);
                            }
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }
            finally {
                writers.shutdown();
            }
            assertThat(unexpected).as("failures that are not lock conflicts").isEmpty();
            assertThat(acknowledged).isNotEmpty();
            for (String tag : acknowledged) {
                assertThat(count(db, tag)).as("rows of acknowledged %s", tag).isEqualTo(300);
            }
            for (String tag : failed) {
                assertThat(count(db, tag)).as("rows of failed %s", tag).isZero();
            }
            assertThat(acknowledged.size() + failed.size()).isEqualTo(8 * 25);
            assertThat(busy.get()).isEqualTo(failed.size());
        }
    }

    private static void run(ModelRepository repo, Call call, List<Map<String, Object>> rows, boolean inCallersTransaction) {
        if (inCallersTransaction) {
            repo.useTransaction(() -> call.body().run(repo, rows));
        }
        else {
            call.body().run(repo, rows);
        }
    }

    /** Three rows of the tag; stored ones (with their keys) when the call updates or deletes. */
    private static List<Map<String, Object>> rows(ModelRepository repo, String tag, boolean stored) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", tag);
            row.put("email", tag + "-" + i + "@x.test");
            if (stored) {
                Model user = repo.build(User.class, row);
                repo.save(user);
                row.put("id", user.id());
                row.put("age", 40 + i);
                row.put("lock_version", 0);
            }
            rows.add(row);
        }
        return rows;
    }

    private static HikariDataSource pool(TestDatabase db, String mode, int busyTimeoutMillis) {
        return SqlitePools.pool(db, mode.equals("IMMEDIATE") ? 1 : 8, busyTimeoutMillis, mode);
    }

    private static ModelRepository repository(HikariDataSource pool, boolean applicationManager) {
        return SqlitePools.repository(pool, applicationManager);
    }

    /** Takes the write lock on another connection and keeps it until {@link #release}. */
    private static void hold(Connection holder) throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
    }

    private static void release(Connection holder) throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("COMMIT");
        }
    }

    private static long count(TestDatabase db, String tag) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users WHERE name = '" + tag + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package dev.modelrepo.hardening;

import static dev.modelrepo.query.Q.eq;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.lock.LockOptions;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * SQLite under contention, with the README's connection settings (WAL, IMMEDIATE transactions) and a busy timeout of
 * 1 ms (almost every contended BEGIN fails) and of 5 s: 8 writers × 1,000 mixed operations (plain saves,
 * transactions, rolled-back transactions, insertBulk, withLocked) on a pool smaller than the writer count. Every
 * write whose call returned normally is in the database afterwards, as a separate connection sees it; no rolled-back
 * write is; every failure is Spring's {@link DataAccessException} or {@link TransactionException}; and no pooled
 * connection is left with autocommit off.
 */
class SqliteContentionTests {

    private static final int WRITERS = 8;

    private static final int OPERATIONS = 1_000;

    @EngineTest(engines = Engine.SQLITE)
    void busyTimeoutOfOneMillisecond(TestDatabase db) throws Exception {
        run(db, 1, false);
    }

    @EngineTest(engines = Engine.SQLITE)
    void busyTimeoutOfFiveSeconds(TestDatabase db) throws Exception {
        run(db, 5_000, false);
    }

    /** Spring Boot's setup: the application's transaction manager over the plain pool (no begin guard). */
    @EngineTest(engines = Engine.SQLITE)
    void busyTimeoutOfOneMillisecondWithTheApplicationsTransactionManager(TestDatabase db) throws Exception {
        run(db, 1, true);
    }

    /** What one run did, for the assertions and the printed figures. */
    private static final class Audit {
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        final Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        final List<Throwable> raw = java.util.Collections.synchronizedList(new ArrayList<>());
        /** Plain saves that returned but that another connection did not see right after. */
        final Set<String> invisibleAfterSave = ConcurrentHashMap.newKeySet();

        void failed(RuntimeException ex) {
            if (ex instanceof DataAccessException || ex instanceof TransactionException) {
                errors.computeIfAbsent(ex.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
            }
            else {
                raw.add(ex);
            }
        }
    }

    private static void run(TestDatabase db, int busyTimeoutMillis, boolean applicationManager) throws Exception {
        SqliteBusyTests.createNotes(db);
        Audit audit = new Audit();
        long start = System.nanoTime();
        try (HikariDataSource pool = SqliteBusyTests.pool(db, 4, busyTimeoutMillis)) {
            ModelRepository repo = dev.modelrepo.fixtures.SqlitePools.repository(pool, applicationManager);
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    done.add(writers.submit(() -> {
                        try (Connection checker = DriverManager.getConnection(db.jdbcUrl());
                                var visible = checker.prepareStatement("SELECT COUNT(*) FROM notes WHERE text = ?")) {
                            for (int i = 0; i < OPERATIONS; i++) {
                                operate(repo, audit, "w" + writer + "-" + i, i % 5, visible);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(5, TimeUnit.MINUTES);
                }
            }
            finally {
                writers.shutdownNow();
            }
            assertThat(idleConnectionsWithAutoCommitOff(pool)).as("pooled connections left with autocommit off").isZero();
        }
        Set<String> stored = storedTexts(db);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Set<String> lost = new HashSet<>(audit.acknowledged);
        lost.removeAll(stored);
        Set<String> undone = new HashSet<>(audit.rolledBack);
        undone.retainAll(stored);
        System.out.printf("SQLite contention (busy_timeout=%d ms, %s manager): %d operations in %d ms; %d acknowledged writes,"
                        + " %d found, %d lost, %d plain saves not visible elsewhere right after; %d rolled back, %d of them found;"
                + " errors %s; raw %d%n", busyTimeoutMillis,
                applicationManager ? "application's" : "repository's", WRITERS * OPERATIONS, millis, audit.acknowledged.size(),
                audit.acknowledged.size() - lost.size(), lost.size(), audit.invisibleAfterSave.size(), audit.rolledBack.size(), undone.size(),
                new TreeMap<>(audit.errors), audit.raw.size());
        assertThat(audit.raw).as("failures that are not Spring's DataAccessException or TransactionException").isEmpty();
        assertThat(lost).as("acknowledged writes missing from the database").isEmpty();
        assertThat(audit.invisibleAfterSave).as("plain saves other connections did not see right after they returned").isEmpty();
        assertThat(undone).as("rolled-back writes found in the database").isEmpty();
        assertThat(audit.acknowledged).as("the load wrote something").isNotEmpty();
    }

    private static void operate(ModelRepository repo, Audit audit, String tag, int kind, java.sql.PreparedStatement visible)
            throws java.sql.SQLException {
        try {
            switch (kind) {
                case 0 -> {
                    repo.save(note(repo, tag));
                    audit.acknowledged.add(tag);
                    visible.setString(1, tag);
                    try (ResultSet rs = visible.executeQuery()) {
                        if (!rs.next() || rs.getInt(1) != 1) {
                            audit.invisibleAfterSave.add(tag);
                        }
                    }
                }
                case 1 -> {
                    repo.useTransaction(() -> {
                        repo.save(note(repo, tag + "a"));
                        repo.save(note(repo, tag + "b"));
                    });
                    audit.acknowledged.add(tag + "a");
                    audit.acknowledged.add(tag + "b");
                }
                case 2 -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (int r = 0; r < 5; r++) {
                        rows.add(Map.of("text", tag + "r" + r));
                    }
                    repo.bulk().insertBulk(SqliteBusyTests.Note.class, List.of("text"), rows);
                    rows.forEach(row -> audit.acknowledged.add((String) row.get("text")));
                }
                case 3 -> {
                    ModelQuery<SqliteBusyTests.Note> q = repo.query(SqliteBusyTests.Note.class, "n").where(eq("n.text", tag));
                    repo.locks().useLocked(q, Map.of(), LockOptions.immediate(), rows -> repo.save(note(repo, tag + "l")));
                    audit.acknowledged.add(tag + "l");
                }
                default -> {
                    audit.rolledBack.add(tag + "x");
                    try {
                        repo.useTransaction(() -> {
                            repo.save(note(repo, tag + "x"));
                            throw new IllegalStateException("rolled back on purpose");
                        });
                    }
                    catch (IllegalStateException expected) {
                        // the scope rolled back, as asked
                    }
                }
            }
        }
        catch (RuntimeException ex) {
            audit.failed(ex);
        }
    }

    private static SqliteBusyTests.Note note(ModelRepository repo, String text) {
        return repo.build(SqliteBusyTests.Note.class, Map.of("text", text));
    }

    private static Set<String> storedTexts(TestDatabase db) throws Exception {
        Set<String> texts = new HashSet<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT text FROM notes")) {
            while (rs.next()) {
                texts.add(rs.getString(1));
            }
        }
        return texts;
    }

    /** Borrows every connection the pool holds at once and counts those whose driver says autocommit is off. */
    private static int idleConnectionsWithAutoCommitOff(DataSource pool) throws Exception {
        List<Connection> borrowed = new ArrayList<>();
        try {
            int off = 0;
            for (int i = 0; i < 4; i++) {
                Connection c = pool.getConnection();
                borrowed.add(c);
                if (!c.unwrap(org.sqlite.SQLiteConnection.class).getAutoCommit()) {
                    off++;
                }
            }
            return off;
        }
        finally {
            for (Connection c : borrowed) {
                c.close();
            }
        }
    }
}

package dev.modelrepo.lock;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** R1–R5 of the transactions issue: real threads on real engines; counts are printed for the record. */
class ConcurrencyTests {

    /** A counter under optimistic locking. */
    @Table(name = "counters", version = "lock_version")
    public static class Counter extends Model {
    }

    /** An account with a balance. */
    @Table(name = "accounts")
    public static class Account extends Model {
    }

    /** A job to claim. */
    @Table(name = "jobs")
    public static class Job extends Model {
    }

    static ModelRepository setUp(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS counters");
            s.execute("DROP TABLE IF EXISTS accounts");
            s.execute("DROP TABLE IF EXISTS jobs");
            s.execute("CREATE TABLE counters (id BIGINT PRIMARY KEY, val INTEGER NOT NULL, lock_version INTEGER NOT NULL DEFAULT 0)");
            s.execute("CREATE TABLE accounts (id BIGINT PRIMARY KEY, balance INTEGER NOT NULL)");
            s.execute("CREATE TABLE jobs (id BIGINT PRIMARY KEY, status VARCHAR(20) NOT NULL, worker INTEGER)");
            s.execute("INSERT INTO counters (id, val) VALUES (1, 0)");
            for (int i = 1; i <= 10; i++) {
                s.execute("INSERT INTO accounts (id, balance) VALUES (" + i + ", 1000)");
            }
        }
        return ModelRepository.create(db.dataSource());
    }

    static void inParallel(int threads, int each, ThrowingTask task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        task.run(thread, i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        }
        finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface ThrowingTask {
        void run(int thread, int i) throws Exception;
    }

    private static int active(TestDatabase db) {
        return ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections();
    }

    /** One random transfer between two distinct accounts, both locked in id order, retried on conflicts. */
    static void transfer(ModelRepository repo, LockOptions lock, AtomicInteger attempts) {
        long from = ThreadLocalRandom.current().nextLong(1, 11);
        long to = ThreadLocalRandom.current().nextLong(1, 10);
        if (to >= from) {
            to++;                                          // two distinct accounts
        }
        long debitId = from;
        int amount = ThreadLocalRandom.current().nextInt(1, 50);
        // locked in id order whatever the direction, so two transfers never wait on each other in a cycle
        var pair = ModelQuery.from(Account.class, "a").where(in("a.id", List.of(from, to))).orderBy(asc("a.id"));
        repo.locks().retryOnConflict(50, () -> {
            attempts.incrementAndGet();
            return repo.locks().withLocked(pair, Map.of(), lock, rows -> {
                Account debit = rows.get(0).id().equals(debitId) ? rows.get(0) : rows.get(1);
                Account credit = debit == rows.get(0) ? rows.get(1) : rows.get(0);
                debit.set("balance", debit.get("balance", Integer.class) - amount);
                credit.set("balance", credit.get("balance", Integer.class) + amount);
                repo.save(debit);
                repo.save(credit);
                return null;
            });
        });
    }

    /** A worker claiming batches of new jobs with SKIP LOCKED until none is left; each job id seen is recorded. */
    static int claimAll(ModelRepository repo, int worker, Set<Long> processed, AtomicInteger duplicates) {
        var next = ModelQuery.from(Job.class, "j").where(eq("j.status", "new")).orderBy(asc("j.id")).limit(100);
        int claims = 0;
        while (true) {
            int claimed = repo.locks().withLocked(next, Map.of(), LockOptions.forUpdate().skipLocked(), jobs -> {
                for (Job job : jobs) {
                    if (!processed.add(job.get("id", Long.class))) {
                        duplicates.incrementAndGet();
                    }
                }
                if (!jobs.isEmpty()) {
                    repo.updateWhere(ModelQuery.from(Job.class, "j").where(in("j.id", jobs.stream().map(j -> j.id()).toList())),
                            Map.of("status", "done", "worker", worker), Map.of());
                }
                return jobs.size();
            });
            if (claimed == 0) {
                return claims;
            }
            claims++;
        }
    }

    /** Inserts {@code count} new jobs with ids after {@code lastId}. */
    static void addJobs(TestDatabase db, long lastId, int count) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (id, status) VALUES (?, 'new')")) {
            for (int i = 1; i <= count; i++) {
                ps.setLong(1, lastId + i);
                ps.addBatch();
                if (i % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    @EngineTest
    void r1OptimisticIncrementsWithRetryLoseNothing(TestDatabase db) throws Exception {
        ModelRepository repo = setUp(db);
        LockOperations locks = repo.locks();
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();
        inParallel(8, 500, (thread, i) -> locks.retryOnConflict(200, () -> {
            attempts.incrementAndGet();
            Counter counter = repo.findById(Counter.class, 1L).orElseThrow();
            counter.set("val", counter.get("val", Integer.class) + 1);
            repo.save(counter);
            return null;
        }));
        Counter counter = repo.findById(Counter.class, 1L).orElseThrow();
        System.out.printf("R1 [%s]: 4000 increments, %d attempts (%d conflicts retried), %d ms%n", db.engine(), attempts.get(),
                attempts.get() - 4000, (System.nanoTime() - start) / 1_000_000);
        assertThat(counter.<Object>get("val")).isEqualTo(4000);
        assertThat(counter.<Object>get("lock_version")).isEqualTo(4000);
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void r2TransfersUnderRowLocksKeepTheTotal(TestDatabase db) throws Exception {
        ModelRepository repo = setUp(db);
        LockOptions lock = LockOptions.forUpdate();          // portable: an IMMEDIATE transaction on SQLite
        AtomicInteger attempts = new AtomicInteger();
        long start = System.nanoTime();
        inParallel(8, 1000, (thread, i) -> transfer(repo, lock, attempts));
        long total = repo.rows(ModelQuery.from(Account.class, "a").select(sum("a.balance").as("total")), Map.of()).get(0).get("total") instanceof Number n
                ? n.longValue() : -1;
        System.out.printf("R2 [%s]: 8000 transfers, %d attempts, %d ms%n", db.engine(), attempts.get(), (System.nanoTime() - start) / 1_000_000);
        assertThat(total).isEqualTo(10_000);
        assertThat(active(db)).isZero();
    }

    /**
     * SQLite with the driver's own defaults (DEFERRED transactions, as a pool configured by hand has them):
     * {@code retryOnConflict} begins each attempt IMMEDIATE, so both a portable {@code forUpdate()} and an explicit
     * {@code immediate()} lock inside it compose, and 4 threads of transfers keep the total.
     */
    @EngineTest(engines = Engine.SQLITE)
    void r2bRetryAndLockComposeOnSqliteInItsDefaultMode(TestDatabase db) throws Exception {
        setUp(db);
        try (com.zaxxer.hikari.HikariDataSource plain = new com.zaxxer.hikari.HikariDataSource()) {
            plain.setJdbcUrl(db.jdbcUrl() + "?journal_mode=WAL&busy_timeout=2000");   // transaction_mode left DEFERRED
            plain.setMaximumPoolSize(4);
            ModelRepository repo = ModelRepository.create(plain);
            AtomicInteger attempts = new AtomicInteger();
            inParallel(4, 100, (thread, i) -> transfer(repo, thread % 2 == 0 ? LockOptions.forUpdate() : LockOptions.immediate(), attempts));
            long total = repo.rows(ModelQuery.from(Account.class, "a").select(sum("a.balance").as("total")), Map.of()).get(0)
                    .get("total") instanceof Number n ? n.longValue() : -1;
            assertThat(total).isEqualTo(10_000);
            assertThat(plain.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
    }

    @EngineTest(engines = { Engine.POSTGRESQL, Engine.MARIADB, Engine.H2, Engine.MYSQL })
    void r3SkipLockedWorkersProcessEveryJobExactlyOnce(TestDatabase db) throws Exception {
        ModelRepository repo = setUp(db);
        addJobs(db, 0, 10_000);
        Set<Long> processed = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger claims = new AtomicInteger();
        long start = System.nanoTime();
        inParallel(4, 1, (worker, ignored) -> claims.addAndGet(claimAll(repo, worker, processed, duplicates)));
        System.out.printf("R3 [%s]: 10000 jobs in %d claims by 4 workers, %d ms%n", db.engine(), claims.get(), (System.nanoTime() - start) / 1_000_000);
        assertThat(duplicates.get()).isZero();
        assertThat(processed).hasSize(10_000);
        assertThat(repo.count(ModelQuery.from(Job.class, "j").where(eq("j.status", "done")), Map.of())).isEqualTo(10_000);
        assertThat(active(db)).isZero();
    }

    @EngineTest(engines = { Engine.POSTGRESQL, Engine.MARIADB, Engine.H2, Engine.MYSQL })
    void r4NowaitOnALockedRowFailsFast(TestDatabase db) throws Exception {
        ModelRepository repo = setUp(db);
        LockOperations locks = repo.locks();
        var row = ModelQuery.from(Account.class, "a").where(eq("a.id", 1L));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding = holder.submit(() -> locks.useLocked(row, Map.of(), LockOptions.forUpdate(), rows -> {
                locked.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            assertThatThrownBy(() -> locks.useLocked(row, Map.of(), LockOptions.forUpdate().nowait(), rows -> { }))
                    .isInstanceOf(CannotAcquireLockException.class);
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("R4 [%s]: NOWAIT failed in %d ms%n", db.engine(), millis);
            assertThat(millis).isLessThan(1000);
            release.countDown();
            holding.get(10, TimeUnit.SECONDS);
        }
        finally {
            release.countDown();
            holder.shutdownNow();
        }
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void r5TheBoolReturnsEveryConnectionAfterMixedAndFailingOperations(TestDatabase db) throws Exception {
        ModelRepository repo = setUp(db);
        AtomicInteger failures = new AtomicInteger();
        inParallel(4, 2500, (thread, i) -> {
            try {
                switch (i % 10) {
                    case 0 -> repo.sql("SELECT * FROM no_such_table").list(Map.of());                    // fails
                    case 1 -> repo.useTransaction(() -> {
                        repo.list(ModelQuery.from(Account.class, "a"), Map.of());
                        throw new IllegalStateException("rolled back");
                    });
                    case 2 -> repo.inTransaction(() -> repo.count(ModelQuery.from(Account.class, "a"), Map.of()));
                    case 3 -> {
                        try (var s = repo.stream(ModelQuery.from(Account.class, "a"), Map.of())) {
                            s.limit(2).forEach(a -> { });
                        }
                    }
                    default -> repo.findById(Account.class, (long) (i % 10) + 1);
                }
            }
            catch (DataAccessException | IllegalStateException expected) {
                failures.incrementAndGet();
            }
        });
        System.out.printf("R5 [%s]: 10000 operations, %d failed as intended, %d active connections after%n", db.engine(), failures.get(), active(db));
        assertThat(failures.get()).isEqualTo(2000);
        assertThat(active(db)).isZero();
    }
}

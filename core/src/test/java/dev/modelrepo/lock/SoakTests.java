package dev.modelrepo.lock;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.lock.ConcurrencyTests.Account;
import dev.modelrepo.lock.ConcurrencyTests.Counter;
import dev.modelrepo.lock.ConcurrencyTests.Job;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * R1–R3 of the transactions issue run for a duration (60 s each in the {@code soak} Maven profile:
 * {@code mvn -Psoak -pl core verify}), with their counts printed. Excluded from the default build.
 */
class SoakTests {

    static final long SECONDS = Long.getLong("modelrepo.soak.seconds", 60);

    private static long deadline() {
        return System.nanoTime() + SECONDS * 1_000_000_000L;
    }

    @EngineTest
    void r1SoakOptimisticIncrements(TestDatabase db) throws Exception {
        ModelRepository repo = ConcurrencyTests.setUp(db);
        long end = deadline();
        AtomicLong done = new AtomicLong();
        AtomicLong attempts = new AtomicLong();
        ConcurrencyTests.inParallel(8, 1, (thread, i) -> {
            while (System.nanoTime() < end) {
                repo.locks().retryOnConflict(500, () -> {
                    attempts.incrementAndGet();
                    Counter c = repo.findById(Counter.class, 1L).orElseThrow();
                    c.set("val", c.get("val", Integer.class) + 1);
                    repo.save(c);
                    return null;
                });
                done.incrementAndGet();
            }
        });
        int value = repo.findById(Counter.class, 1L).orElseThrow().get("val", Integer.class);
        System.out.printf("soak R1 [%s]: %d s, %d increments (%d attempts), counter %d%n", db.engine(), SECONDS, done.get(), attempts.get(), value);
        assertThat((long) value).isEqualTo(done.get());
        assertThat(((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @EngineTest
    void r2SoakTransfers(TestDatabase db) throws Exception {
        ModelRepository repo = ConcurrencyTests.setUp(db);
        LockOptions lock = db.engine() == Engine.SQLITE ? LockOptions.immediate() : LockOptions.forUpdate();
        long end = deadline();
        AtomicLong transfers = new AtomicLong();
        AtomicInteger attempts = new AtomicInteger();
        ConcurrencyTests.inParallel(8, 1, (thread, i) -> {
            while (System.nanoTime() < end) {
                ConcurrencyTests.transfer(repo, lock, attempts);
                transfers.incrementAndGet();
            }
        });
        Object total = repo.rows(ModelQuery.from(Account.class, "a").select(sum("a.balance").as("total")), Map.of()).get(0).get("total");
        System.out.printf("soak R2 [%s]: %d s, %d transfers, total %s%n", db.engine(), SECONDS, transfers.get(), total);
        assertThat(((Number) total).longValue()).isEqualTo(10_000);
    }

    @EngineTest(engines = { Engine.POSTGRESQL, Engine.MARIADB, Engine.H2, Engine.MYSQL })
    void r3SoakSkipLockedWorkers(TestDatabase db) throws Exception {
        ModelRepository repo = ConcurrencyTests.setUp(db);
        long end = deadline();
        long added = 0;
        Set<Long> processed = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        while (System.nanoTime() < end) {
            ConcurrencyTests.addJobs(db, added, 10_000);
            added += 10_000;
            ConcurrencyTests.inParallel(4, 1, (worker, ignored) -> ConcurrencyTests.claimAll(repo, worker, processed, duplicates));
            rounds.incrementAndGet();
        }
        System.out.printf("soak R3 [%s]: %d s, %d rounds, %d jobs processed, %d duplicates%n", db.engine(), SECONDS, rounds.get(),
                processed.size(), duplicates.get());
        assertThat(duplicates.get()).isZero();
        assertThat((long) processed.size()).isEqualTo(added);
    }
}

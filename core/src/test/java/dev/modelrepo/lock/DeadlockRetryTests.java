package dev.modelrepo.lock;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * A deadlock provoked on purpose: two transactions each lock one row, wait for each other at a barrier, then ask for the
 * other's row. The database kills one (PostgreSQL 40P01, MariaDB 1213); {@code retryOnConflict} runs it again and both
 * units of work end committed.
 */
class DeadlockRetryTests {

    /** A row to lock. */
    @Table(name = "slots")
    public static class Slot extends Model {
    }

    private static final ModelQuery<Slot> BY_ID = ModelQuery.from(Slot.class, "s").where(eq("s.id", param("id")));

    @EngineTest(engines = {Engine.POSTGRESQL, Engine.MARIADB})
    void theDeadlockVictimIsRetriedAndBothCommit(TestDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS slots");
            s.execute("CREATE TABLE slots (id BIGINT PRIMARY KEY, touched INTEGER NOT NULL)");
            s.execute("INSERT INTO slots (id, touched) VALUES (1, 0), (2, 0)");
        }
        ModelRepository repo = ModelRepository.create(db.dataSource());
        CyclicBarrier bothHoldOneLock = new CyclicBarrier(2);
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<Integer> oneThenTwo = CompletableFuture.supplyAsync(() -> lockBoth(repo, 1, 2, bothHoldOneLock, attempts));
        CompletableFuture<Integer> twoThenOne = CompletableFuture.supplyAsync(() -> lockBoth(repo, 2, 1, bothHoldOneLock, attempts));
        int first = oneThenTwo.get(1, TimeUnit.MINUTES);
        int second = twoThenOne.get(1, TimeUnit.MINUTES);
        System.out.printf("deadlock retry [%s]: %d attempts for 2 units of work%n", db.engine().displayName(), attempts.get());
        assertThat(List.of(first, second)).as("attempts of each unit of work").containsExactlyInAnyOrder(1, 2);
        assertThat(repo.sql("SELECT touched FROM slots ORDER BY id").list(Map.of())).extracting(r -> ((Number) r.get("touched")).intValue())
                .containsExactly(2, 2);
    }

    /** Locks {@code a}, then (on the first attempt only after the other thread holds its first lock) {@code b}; its attempts. */
    private static int lockBoth(ModelRepository repo, long a, long b, CyclicBarrier barrier, AtomicInteger attempts) {
        AtomicInteger mine = new AtomicInteger();
        repo.locks().retryOnConflict(3, () -> {
            attempts.incrementAndGet();
            boolean firstAttempt = mine.incrementAndGet() == 1;
            repo.locks().useLocked(BY_ID, Map.of("id", a), LockOptions.forUpdate(), rows -> touch(repo, rows.get(0)));
            if (firstAttempt) {
                await(barrier);
            }
            repo.locks().useLocked(BY_ID, Map.of("id", b), LockOptions.forUpdate(), rows -> touch(repo, rows.get(0)));
            return null;
        });
        return mine.get();
    }

    private static void touch(ModelRepository repo, Slot slot) {
        slot.set("touched", slot.get("touched", Integer.class) + 1);
        repo.saveOrThrow(slot);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException("the other transaction never took its first lock", ex);
        }
    }
}

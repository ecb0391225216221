package dev.modelrepo.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.fixtures.oncall.OnCall;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Write skew under PostgreSQL SERIALIZABLE, the anomaly distributed SQL engines abort with 40001: two doctors of a shift
 * go off call at once, each after checking that another one stays on call. Without retries one of them fails; with
 * {@code retryOnConflict} the loser runs again, sees that it is the last one on call, and stays.
 */
class WriteSkewTests {

    private static final int THREADS = 8;

    private static final int ROUNDS = 200;

    private static final int SHIFTS_PER_ROUND = THREADS / 2;

    @EngineTest(engines = Engine.POSTGRESQL)
    void exactlyOneDoctorPerShiftGoesOffCallAndTheLoserIsRetried(TestDatabase db) throws Exception {
        createDoctors(db, ROUNDS * SHIFTS_PER_ROUND);
        try (HikariDataSource serializable = serializablePool(db)) {
            ModelRepository repo = ModelRepository.create(serializable);
            LockOperations locks = repo.locks(java.time.Duration.ofMillis(5), 50);
            AtomicInteger attempts = new AtomicInteger();
            AtomicInteger wentOffCall = new AtomicInteger();
            AtomicInteger stayed = new AtomicInteger();
            CyclicBarrier roundStart = new CyclicBarrier(THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    workers.add(pool.submit(() -> {
                        for (int round = 0; round < ROUNDS; round++) {
                            long shift = (long) round * SHIFTS_PER_ROUND + thread / 2 + 1;
                            long doctorId = shift * 2 - 1 + thread % 2;
                            roundStart.await(1, TimeUnit.MINUTES);
                            boolean off = locks.retryOnConflict(() -> {
                                attempts.incrementAndGet();
                                return OnCall.goOffCallIfAnotherStays(repo, shift, doctorId);
                            });
                            (off ? wentOffCall : stayed).incrementAndGet();
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get(5, TimeUnit.MINUTES);
                }
            }
            finally {
                pool.shutdownNow();
            }
            int transactions = THREADS * ROUNDS;
            int retries = attempts.get() - transactions;
            System.out.printf("write skew [postgresql, SERIALIZABLE]: %d threads x %d rounds, %d transactions, %d attempts,"
                    + " %d retries, %d went off call, %d stayed on call%n", THREADS, ROUNDS, transactions, attempts.get(), retries,
                    wentOffCall.get(), stayed.get());
            assertThat(wentOffCall.get()).as("one doctor per shift went off call").isEqualTo(ROUNDS * SHIFTS_PER_ROUND);
            assertThat(stayed.get()).as("the other one stayed").isEqualTo(ROUNDS * SHIFTS_PER_ROUND);
            assertThat(retries).as("the loser of a pair was aborted with 40001 and retried").isPositive();
            List<Map<String, Object>> perShift = repo.sql("SELECT shift_id, COUNT(*) AS n FROM doctors WHERE on_call"
                    + " GROUP BY shift_id HAVING COUNT(*) <> 1").list(Map.of());
            assertThat(perShift).as("shifts without exactly one doctor on call").isEmpty();
            assertThat(repo.sql("SELECT COUNT(DISTINCT shift_id) AS n FROM doctors WHERE on_call").list(Map.of()).get(0).get("n"))
                    .isEqualTo((long) ROUNDS * SHIFTS_PER_ROUND);
        }
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void interleavedWithoutARetryTheSecondCommitFailsWithASerializationFailureThatIsRetryable(TestDatabase db) throws Exception {
        createDoctors(db, 1);
        try (HikariDataSource serializable = serializablePool(db);
                Connection first = serializable.getConnection(); Connection second = serializable.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            String count = "SELECT COUNT(*) FROM doctors WHERE shift_id = 1 AND on_call";
            for (Connection c : List.of(first, second)) {
                try (Statement s = c.createStatement(); var rs = s.executeQuery(count)) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                }
            }
            try (Statement s = first.createStatement()) {
                s.executeUpdate("UPDATE doctors SET on_call = FALSE WHERE id = 1");
            }
            SQLException failure = null;
            try (Statement s = second.createStatement()) {
                s.executeUpdate("UPDATE doctors SET on_call = FALSE WHERE id = 2");
                first.commit();
                second.commit();
            }
            catch (SQLException ex) {
                failure = ex;
            }
            assertThat((Throwable) failure).as("write skew is refused under SERIALIZABLE").isNotNull();
            assertThat(failure.getSQLState()).isEqualTo("40001");
            ModelRepository repo = ModelRepository.create(serializable);
            org.springframework.dao.DataAccessException translated = repo.dialect().exceptionTranslator().translate("commit", null, failure);
            assertThat(repo.locks().isRetryable(translated)).isTrue();
            assertThat(repo.locks().isRetryable(new org.springframework.transaction.TransactionSystemException("commit failed", failure)))
                    .as("a commit failure a plain DataSourceTransactionManager does not translate").isTrue();
        }
    }


    /** Two doctors on call per shift; doctor ids 2s-1 and 2s belong to shift s. */
    static void createDoctors(TestDatabase db, int shifts) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS doctors");
            s.execute("CREATE TABLE doctors (id BIGINT PRIMARY KEY, shift_id BIGINT NOT NULL, name VARCHAR(40) NOT NULL,"
                    + " on_call BOOLEAN NOT NULL)");
            s.execute("CREATE INDEX doctors_shift ON doctors (shift_id)");
            s.execute("INSERT INTO doctors SELECT g, (g + 1) / 2, 'doctor ' || g, TRUE FROM generate_series(1, " + shifts * 2 + ") g");
            s.execute("ANALYZE doctors");
        }
    }

    static HikariDataSource serializablePool(TestDatabase db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.username());
        config.setPassword(db.password());
        config.setMaximumPoolSize(THREADS);
        config.setTransactionIsolation("TRANSACTION_SERIALIZABLE");
        return new HikariDataSource(config);
    }
}

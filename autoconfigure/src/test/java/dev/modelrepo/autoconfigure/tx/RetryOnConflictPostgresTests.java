package dev.modelrepo.autoconfigure.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
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

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.TestDatabase;

/**
 * {@code @RetryOnConflict} in a Boot context on PostgreSQL SERIALIZABLE: the write-skew workload of two doctors going
 * off call at once, written as a plain {@code @Transactional} service, keeps its invariant, and every attempt ran in a
 * transaction of its own (the advice wraps the transaction interceptor).
 */
class RetryOnConflictPostgresTests {

    private static final int THREADS = 8;

    private static final int ROUNDS = 100;

    @Test
    void aSerializableServiceRetriesWriteSkewInFreshTransactions() throws Exception {
        try (TestDatabase db = TestDatabase.create(Engine.POSTGRESQL)) {
            int shifts = ROUNDS * THREADS / 2;
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE doctors (id BIGINT PRIMARY KEY, shift_id BIGINT NOT NULL, on_call BOOLEAN NOT NULL)");
                s.execute("CREATE INDEX doctors_shift ON doctors (shift_id)");
                s.execute("INSERT INTO doctors SELECT g, (g + 1) / 2, TRUE FROM generate_series(1, " + shifts * 2 + ") g");
            }
            new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, ModelRepositoryAutoConfiguration.class,
                        ModelRepositoryRetryAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.username(),
                        "spring.datasource.hikari.maximum-pool-size=" + THREADS,
                        "modelrepo.model-packages=dev.modelrepo.fixtures.oncall", "modelrepo.tx.retry.backoff=5ms")
                .withUserConfiguration(Services.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    OnCallService service = context.getBean(OnCallService.class);
                    assertThat(AopUtils.isAopProxy(service)).isTrue();
                    AtomicInteger off = new AtomicInteger();
                    CyclicBarrier round = new CyclicBarrier(THREADS);
                    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
                    try {
                        List<Future<?>> workers = new ArrayList<>();
                        for (int t = 0; t < THREADS; t++) {
                            int thread = t;
                            workers.add(pool.submit(() -> {
                                for (int r = 0; r < ROUNDS; r++) {
                                    long shift = (long) r * (THREADS / 2) + thread / 2 + 1;
                                    round.await(1, TimeUnit.MINUTES);
                                    if (service.goOffCall(shift, shift * 2 - 1 + thread % 2)) {
                                        off.incrementAndGet();
                                    }
                                }
                                return null;
                            }));
                        }
                        for (Future<?> w : workers) {
                            w.get(5, TimeUnit.MINUTES);
                        }
                    }
                    finally {
                        pool.shutdownNow();
                    }
                    int calls = THREADS * ROUNDS;
                    int attempts = service.attempts();
                    System.out.printf("@RetryOnConflict write skew [postgresql, SERIALIZABLE]: %d calls, %d attempts, %d retries,"
                            + " %d went off call%n", calls, attempts, attempts - calls, off.get());
                    assertThat(off.get()).isEqualTo(shifts);
                    assertThat(attempts).as("losers were retried").isGreaterThan(calls);
                    assertThat(service.transactions()).as("one transaction per attempt").isEqualTo(attempts);
                    ModelRepository repo = context.getBean(ModelRepository.class);
                    assertThat(repo.sql("SELECT shift_id FROM doctors WHERE on_call GROUP BY shift_id HAVING COUNT(*) <> 1")
                            .list(Map.of())).isEmpty();
                    assertThat(repo.sql("SELECT COUNT(*) AS n FROM doctors WHERE on_call").list(Map.of()).get(0).get("n"))
                            .isEqualTo((long) shifts);
                });
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Services {

        @Bean
        OnCallService onCallService(ModelRepository repo) {
            return new OnCallService(repo);
        }
    }
}

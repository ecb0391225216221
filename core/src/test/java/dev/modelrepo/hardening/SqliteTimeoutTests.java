package dev.modelrepo.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.Map;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.support.TransactionTemplate;

import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * sqlite-jdbc takes a statement timeout as a busy timeout only: a long-running statement ran on. modelrepo stops it
 * at the deadline (a progress handler), for the configured timeout and for a Spring transaction's timeout alike.
 */
class SqliteTimeoutTests {

    /** Tens of seconds of work on this machine without a timeout. */
    static final String SLOW = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000)"
            + " SELECT COUNT(*) AS n FROM c";

    @EngineTest(engines = Engine.SQLITE)
    void theConfiguredQueryTimeoutStopsALongStatement(TestDatabase db) {
        ModelRepository repo = ModelRepository.builder(db.dataSource()).queryTimeout(Duration.ofSeconds(1)).build();
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> repo.sql(SLOW).list(Map.of()));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(thrown).isInstanceOf(QueryTimeoutException.class).hasMessageContaining("stopped at its timeout");
        assertThat(millis).as("stopped near its deadline").isBetween(900L, 5_000L);
        assertThat(repo.sql("SELECT 1 AS one").list(Map.of())).hasSize(1);   // the connection works afterwards, handler gone
    }

    @EngineTest(engines = Engine.SQLITE)
    void aTransactionTimeoutStopsALongStatement(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        TransactionTemplate tx = new TransactionTemplate(repo.transactionManager());
        tx.setTimeout(1);
        long start = System.nanoTime();
        Throwable thrown = catchThrowable(() -> tx.executeWithoutResult(s -> repo.sql(SLOW).list(Map.of())));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(thrown).isInstanceOf(QueryTimeoutException.class);
        assertThat(millis).isBetween(500L, 5_000L);
        assertThat(repo.sql("SELECT 1 AS one").list(Map.of())).hasSize(1);
    }

    @EngineTest(engines = Engine.SQLITE)
    void aStreamsQueryIsStoppedAtItsTimeoutToo(TestDatabase db) {
        ModelRepository repo = ModelRepository.builder(db.dataSource()).queryTimeout(Duration.ofSeconds(1)).build();
        repo.sql("CREATE TABLE IF NOT EXISTS slow_rows (id INTEGER PRIMARY KEY, n INT)").update(Map.of());
        repo.sql("INSERT INTO slow_rows (n) VALUES (1)").update(Map.of());
        long start = System.nanoTime();
        // the first row needs the whole recursive count: the cursor's query itself runs past the deadline
        Throwable thrown = catchThrowable(() -> {
            try (var rows = repo.stream(repo.query(SlowRow.class, "s").where(dev.modelrepo.query.Q.raw(
                    "s.n < (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) SELECT COUNT(*) FROM c)")),
                    Map.of())) {
                rows.forEach(r -> { });
            }
        });
        assertThat(thrown).isInstanceOf(QueryTimeoutException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isBetween(900L, 5_000L);
    }

    /** A row of the stream test. */
    @dev.modelrepo.model.Table(name = "slow_rows")
    public static class SlowRow extends dev.modelrepo.model.Model {
    }

    @EngineTest(engines = Engine.SQLITE)
    void aStatementWithinItsTimeoutIsUnaffected(TestDatabase db) {
        ModelRepository repo = ModelRepository.builder(db.dataSource()).queryTimeout(Duration.ofSeconds(5)).build();
        var rows = repo.sql("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000)"
                + " SELECT COUNT(*) AS n FROM c").list(Map.of());
        assertThat(((Number) rows.get(0).get("n")).longValue()).isEqualTo(100_000L);
    }
}

package dev.modelrepo.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.TransactionException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * A statement whose error makes HikariCP evict the connection (PostgreSQL 0A000 feature_not_supported, 57P01
 * admin_shutdown) also fails the rollback after it ("Connection is closed"): the caller and retryOnConflict must see
 * the statement's own, translated error, with the rollback failure only as a suppressed exception.
 */
class RollbackFailureTests {

    private static HikariDataSource pool(TestDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS counters (id INT PRIMARY KEY, n INT)");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.username());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void theStatementsErrorComesFirstWhenTheRollbackFails(TestDatabase db) throws Exception {
        try (HikariDataSource pool = pool(db)) {
            ModelRepository repo = ModelRepository.create(pool);
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> repo.useTransaction(
                    () -> repo.sql("SELECT COUNT(*) FROM counters FOR UPDATE").list(Map.of())));
            assertThat(thrown).isInstanceOf(DataAccessException.class).isNotInstanceOf(TransactionException.class)
                    .hasMessageContaining("FOR UPDATE is not allowed with aggregate functions");
            assertThat(thrown.getSuppressed()).as("the failed rollback is kept as a suppressed exception").isNotEmpty();
            assertThat(repo.sql("SELECT COUNT(*) AS n FROM counters").list(Map.of())).hasSize(1);   // the pool recovered
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void aConflictWhoseRollbackFailsIsStillRetried(TestDatabase db) throws Exception {
        try (HikariDataSource pool = pool(db)) {
            ModelRepository repo = ModelRepository.create(pool);
            AtomicInteger attempts = new AtomicInteger();
            String result = repo.locks().retryOnConflict(3, () -> {
                if (attempts.incrementAndGet() == 1) {
                    try {
                        repo.sql("SELECT pg_terminate_backend(pg_backend_pid())").list(Map.of());
                    }
                    catch (DataAccessException connectionGone) {
                        // the server ended this transaction's connection; the work reports its conflict anyway
                    }
                    throw new OptimisticLockingFailureException("changed by someone else");
                }
                return "done";
            });
            assertThat(result).isEqualTo("done");
            assertThat(attempts).hasValue(2);
        }
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void springsOwnTemplateHidesTheCauseWhichIsWhyModelrepoKeepsIt(TestDatabase db) throws Exception {
        try (HikariDataSource pool = pool(db)) {
            // Spring's own template, as a user's TransactionTemplate or @Transactional would behave
            var plain = new org.springframework.transaction.support.TransactionTemplate(
                    new org.springframework.jdbc.support.JdbcTransactionManager(pool));
            ModelRepository repo = ModelRepository.builder(pool).transactionManager(plain.getTransactionManager()).build();
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> plain.executeWithoutResult(
                    s -> repo.sql("SELECT COUNT(*) FROM counters FOR UPDATE").list(Map.of())));
            assertThat(thrown).as("what Spring's template throws: the rollback's failure").satisfiesAnyOf(
                    t -> assertThat(t).isInstanceOf(TransactionException.class),
                    t -> assertThat(t).hasMessageNotContaining("FOR UPDATE is not allowed"));
        }
    }
}

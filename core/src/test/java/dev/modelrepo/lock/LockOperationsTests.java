package dev.modelrepo.lock;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.IllegalTransactionStateException;

import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;
import dev.modelrepo.dialect.UnsupportedLockException;

/** withLocked, SQLite transaction modes and retryOnConflict's contract. */
@Changelog("db/changelog/test-schema.xml")
class LockOperationsTests {

    private static final ModelQuery<User> ALL = ModelQuery.from(User.class, "u").orderBy(asc("u.id"));

    @EngineTest
    void aLockTheEngineCannotDoFailsBeforeAnySql(TestDatabase db) {
        CountingDataSource counter = new CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.create(counter);
        repo.registry().table(User.class);
        counter.reset();
        LockOptions impossible = switch (db.engine()) {
            case POSTGRESQL -> LockOptions.forUpdate().wait(java.time.Duration.ofSeconds(1));
            case MARIADB, MYSQL -> LockOptions.forKeyShare();
            case H2 -> LockOptions.forShare();
            case SQLITE -> LockOptions.forUpdate().nowait();
        };
        assertThatThrownBy(() -> repo.locks().withLocked(ALL, Map.of(), impossible, rows -> rows))
                .isInstanceOf(UnsupportedLockException.class).hasMessageContaining(db.engine().displayName());
        assertThat(counter.statements()).isEmpty();
    }

    @EngineTest
    void withLockedRunsInItsOwnTransactionOrTheCallers(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        repo.save(repo.build(User.class, Map.of("name", "locked", "email", java.util.UUID.randomUUID() + "@x.test")));
        LockOptions lock = db.engine() == Engine.SQLITE ? LockOptions.immediate() : LockOptions.forUpdate();
        int seen = repo.locks().<User, Integer>withLocked(ALL.where(eq("u.name", "locked")), Map.of(), lock, rows -> rows.size());
        assertThat(seen).isGreaterThanOrEqualTo(1);
        Integer inner = repo.inTransaction(() -> repo.locks().<User, Integer>withLocked(ALL.where(eq("u.name", "locked")), Map.of(), lock,
                rows -> rows.size()));
        assertThat(inner).isEqualTo(seen);
    }

    @EngineTest(engines = Engine.SQLITE)
    void sqliteLocksAreTransactionModes(TestDatabase db) throws SQLException {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        String mode = repo.locks().withLocked(ALL, Map.of(), LockOptions.exclusive(), rows -> currentMode(repo));
        assertThat(mode).isEqualTo("EXCLUSIVE");
        String deferred = repo.locks().withLocked(ALL, Map.of(), LockOptions.deferred(), rows -> currentMode(repo));
        assertThat(deferred).isEqualTo("DEFERRED");
        // the pooled connections are back to their configured IMMEDIATE
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(repo.dialect().transactionMode(c)).isEqualTo(dev.modelrepo.dialect.TransactionBeginMode.IMMEDIATE);
        }
        assertThatThrownBy(() -> repo.useTransaction(() -> repo.locks().withLocked(ALL, Map.of(), LockOptions.exclusive(), rows -> rows)))
                .isInstanceOf(LockModeConflictException.class).hasMessageContaining("IMMEDIATE").hasMessageContaining("EXCLUSIVE");
    }

    private static String currentMode(ModelRepository repo) {
        Connection c = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(repo.dataSource());
        try {
            return String.valueOf(repo.dialect().transactionMode(c));
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
        finally {
            org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(c, repo.dataSource());
        }
    }

    @EngineTest
    void retryOnConflictRethrowsTheLastFailureAfterItsAttempts(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> repo.locks().retryOnConflict(3, () -> {
            throw new OptimisticLockingFailureException("conflict #" + attempts.incrementAndGet());
        })).isInstanceOf(OptimisticLockingFailureException.class).hasMessage("conflict #3");
        assertThat(attempts.get()).isEqualTo(3);
        AtomicInteger other = new AtomicInteger();
        assertThatThrownBy(() -> repo.locks().retryOnConflict(3, () -> {
            other.incrementAndGet();
            throw new IllegalArgumentException("not a conflict");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(other.get()).isEqualTo(1);
    }

    @EngineTest
    void retryOnConflictRefusesToRunInsideATransaction(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        assertThatThrownBy(() -> repo.useTransaction(() -> repo.locks().retryOnConflict(3, () -> 1)))
                .isInstanceOf(IllegalTransactionStateException.class).hasMessageContaining("outside");
    }

    @EngineTest
    void everyLockOptionTheEngineHasIsAcceptedByIt(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        java.time.Duration second = java.time.Duration.ofSeconds(1);
        List<LockOptions> options = switch (db.engine()) {
            case POSTGRESQL -> List.of(LockOptions.forUpdate(), LockOptions.forShare(), LockOptions.forNoKeyUpdate(), LockOptions.forKeyShare(),
                    LockOptions.forUpdate().of("u"), LockOptions.forUpdate().nowait(), LockOptions.forShare().skipLocked());
            case MARIADB -> List.of(LockOptions.forUpdate(), LockOptions.forShare(), LockOptions.forUpdate().nowait(),
                    LockOptions.forUpdate().wait(second), LockOptions.forShare().skipLocked(), LockOptions.forUpdate().skipLocked());
            case MYSQL -> List.of(LockOptions.forUpdate(), LockOptions.forShare(), LockOptions.forUpdate().of("u"),
                    LockOptions.forUpdate().nowait(), LockOptions.forUpdate().skipLocked());
            case H2 -> List.of(LockOptions.forUpdate(), LockOptions.forUpdate().nowait(), LockOptions.forUpdate().wait(second),
                    LockOptions.forUpdate().skipLocked());
            case SQLITE -> List.of(LockOptions.immediate(), LockOptions.exclusive(), LockOptions.deferred());
        };
        for (LockOptions option : options) {
            Integer rows = repo.locks().<User, Integer>withLocked(ALL.limit(1), Map.of(), option, found -> found.size());
            assertThat(rows).as(option.toString()).isNotNegative();
        }
    }
}

package dev.modelrepo.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.dialect.UnsupportedLockException;
import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.lock.LockOptions;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** Native SQL read as a stream or in batches in constant memory, and native SELECTs with a lock, on every engine. */
@Changelog("db/changelog/test-schema.xml")
class NativeStreamTests {

    private static final String TAG = "native-stream";

    private static final String ROWS = "SELECT id, name, salary FROM employees WHERE email = :tag ORDER BY salary";

    record Row(long id, String name, int salary) {
    }

    private static ModelRepository repo(TestDatabase db) throws SQLException {
        return ModelRepository.create(seeded(db));
    }

    private static javax.sql.DataSource seeded(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM employees WHERE email = '" + TAG + "'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO employees (name, email, salary, active) VALUES (?, ?, ?, ?)")) {
                    for (int i = 0; i < 1200; i++) {
                        ps.setString(1, String.format("n%05d", i));
                        ps.setString(2, TAG);
                        ps.setInt(3, i);
                        ps.setBoolean(4, true);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        }
        return db.dataSource();
    }

    private static int active(TestDatabase db) {
        return ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections();
    }

    @EngineTest
    void aNativeStreamReadsEveryRowAsAMapInOrder(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        try (Stream<Map<String, Object>> rows = repo.sql(ROWS).stream(Map.of("tag", TAG), 100)) {
            List<Map<String, Object>> all = rows.toList();
            assertThat(all).hasSize(1200);
            assertThat(all.get(0)).containsEntry("name", "n00000").containsEntry("salary", 0).containsKey("id");
            assertThat(all.get(1199)).containsEntry("salary", 1199);
        }
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void aNativeStreamClosedEarlyReleasesItsConnection(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        try (Stream<Map<String, Object>> rows = repo.sql(ROWS).stream(Map.of("tag", TAG))) {
            assertThat(rows.limit(2).map(r -> r.get("salary")).toList()).containsExactly(0, 1);
            assertThat(active(db)).isEqualTo(1);
        }
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void typedNativeStreamsGiveRecordsAndModels(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        try (Stream<Row> rows = repo.sql(ROWS).into(Row.class).stream(Map.of("tag", TAG), 50)) {
            assertThat(rows.mapToLong(Row::salary).sum()).isEqualTo(1199L * 1200 / 2);
        }
        try (Stream<Employee> models = repo.sql("SELECT * FROM employees WHERE email = :tag ORDER BY salary").into(Employee.class)
                .stream(Map.of("tag", TAG))) {
            Employee first = models.findFirst().orElseThrow();
            assertThat(first.isNew()).isFalse();
            assertThat(first.name()).isEqualTo("n00000");
        }
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void nativeForEachBatchHandsOutBatchesAndReleasesWhenTheConsumerThrows(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        List<Integer> sizes = new ArrayList<>();
        repo.sql(ROWS).forEachBatch(Map.of("tag", TAG), 500, batch -> sizes.add(batch.size()));
        assertThat(sizes).containsExactly(500, 500, 200);
        List<Long> sums = new ArrayList<>();
        repo.sql(ROWS).into(Row.class).forEachBatch(Map.of("tag", TAG), 1000, batch -> sums.add(batch.stream().mapToLong(Row::salary).sum()));
        assertThat(sums.stream().mapToLong(Long::longValue).sum()).isEqualTo(1199L * 1200 / 2);
        assertThatThrownBy(() -> repo.sql(ROWS).forEachBatch(Map.of("tag", TAG), 10, batch -> {
            throw new IllegalStateException("consumer failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void aNativeStreamInsideATransactionUsesItsConnection(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        var tx = new TransactionTemplate(new JdbcTransactionManager(db.dataSource()));
        Long count = tx.execute(status -> {
            try (Stream<Map<String, Object>> rows = repo.sql(ROWS).stream(Map.of("tag", TAG))) {
                return rows.count();
            }
        });
        assertThat(count).isEqualTo(1200);
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void aBadNativeStreamFailsTranslatedAndReleasesItsConnection(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        assertThatThrownBy(() -> repo.sql("SELECT nothing FROM no_such_table WHERE a = :a").stream(Map.of("a", 1)))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        assertThatThrownBy(() -> repo.sql(ROWS).stream(Map.of("tag", TAG), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fetchSize");
        assertThatThrownBy(() -> repo.sql(ROWS).stream(Map.of())).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining("tag");
        assertThat(active(db)).isZero();
    }

    private static LockOptions update(TestDatabase db) {
        return db.engine() == Engine.SQLITE ? LockOptions.immediate() : LockOptions.forUpdate();
    }

    @EngineTest
    void aLockedNativeSelectAppendsTheDialectsLockClause(TestDatabase db) throws SQLException {
        CountingDataSource counter = new CountingDataSource(seeded(db));
        ModelRepository repo = ModelRepository.create(counter);
        String sql = "SELECT id, salary FROM employees WHERE email = :tag AND salary < :max";
        int seen = repo.sql(sql).withLocked(Map.of("tag", TAG, "max", 3), update(db), rows -> rows.size());
        assertThat(seen).isEqualTo(3);
        String locked = counter.statements().get(counter.statements().size() - 1);
        assertThat(locked).isEqualTo(sql.replace(":tag", "?").replace(":max", "?") + repo.dialect().lockClause(update(db).request()));
        List<Row> typed = repo.sql("SELECT id, name, salary FROM employees WHERE email = :tag AND salary < 2 -- the first two\nORDER BY salary")
                .into(Row.class).withLocked(Map.of("tag", TAG), update(db), rows -> rows);
        assertThat(typed).extracting(Row::salary).containsExactly(0, 1);
        // inside the caller's transaction it joins it
        Integer inner = repo.inTransaction(() -> repo.sql(sql).withLocked(Map.of("tag", TAG, "max", 3), update(db), List::size));
        assertThat(inner).isEqualTo(3);
    }

    @EngineTest
    void aLockTheEngineCannotDoFailsBeforeAnyNativeSql(TestDatabase db) throws SQLException {
        CountingDataSource counter = new CountingDataSource(seeded(db));
        ModelRepository repo = ModelRepository.create(counter);
        LockOptions impossible = switch (db.engine()) {
            case POSTGRESQL -> LockOptions.forUpdate().wait(java.time.Duration.ofSeconds(1));
            case MARIADB, MYSQL -> LockOptions.forKeyShare();
            case H2 -> LockOptions.forShare();
            case SQLITE -> LockOptions.forUpdate().nowait();   // forUpdate() itself is an IMMEDIATE transaction there
        };
        assertThatThrownBy(() -> repo.sql(ROWS).withLocked(Map.of("tag", TAG), impossible, rows -> rows))
                .isInstanceOf(UnsupportedLockException.class).hasMessageContaining(db.engine().displayName());
        assertThatThrownBy(() -> repo.sql(ROWS + ";").withLocked(Map.of("tag", TAG), update(db), rows -> rows))
                .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining(";");
        assertThat(counter.statements()).isEmpty();
    }

    /** A row locked by a native FOR UPDATE cannot be taken with NOWAIT by another transaction until the first ends. */
    @EngineTest(engines = { Engine.H2, Engine.POSTGRESQL, Engine.MARIADB, Engine.MYSQL })
    void aNativeRowLockHoldsUntilItsTransactionEnds(TestDatabase db) throws Exception {
        ModelRepository repo = repo(db);
        String one = "SELECT id FROM employees WHERE email = :tag AND salary = 7";
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> repo.sql(one).useLocked(Map.of("tag", TAG),
                LockOptions.forUpdate(), rows -> {
                    locked.countDown();
                    await(release);
                }));
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> repo.sql(one).withLocked(Map.of("tag", TAG), LockOptions.forUpdate().nowait(), rows -> rows))
                    .isInstanceOf(ConcurrencyFailureException.class);
        }
        finally {
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        }
        int free = repo.sql(one).withLocked(Map.of("tag", TAG), LockOptions.forUpdate().nowait(), List::size);
        assertThat(free).isEqualTo(1);
    }

    @EngineTest(engines = Engine.SQLITE)
    void onSqliteANativeLockIsTheTransactionsBeginMode(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        String mode = repo.sql(ROWS).withLocked(Map.of("tag", TAG), LockOptions.exclusive(), rows -> {
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
        });
        assertThat(mode).isEqualTo("EXCLUSIVE");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}

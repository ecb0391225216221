package dev.modelrepo.hardening;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * The database kills the test's connections in the middle of a running load of reads, writes, a cursor and a
 * transactional batch insert: every failing call raises Spring's exceptions (no hang), the pool recovers, later calls
 * succeed, no partially written batch remains, every write whose call returned normally is in the database (the
 * acknowledged-write audit), and afterwards no connection or server-side cursor is left open.
 */
class DatabaseFaultTests {

    /** A row of the load. */
    @Table(name = "fault_rows")
    public static class FaultRow extends Model {
    }

    private static HikariDataSource pool(TestDatabase db) {
        HikariConfig config = new HikariConfig();
        String url = db.jdbcUrl();
        if (db.engine() == Engine.POSTGRESQL) {
            url += (url.contains("?") ? "&" : "?") + "ApplicationName=modelrepo-fault-" + db.name();
        }
        config.setJdbcUrl(url);
        config.setUsername(db.username());
        config.setPassword(db.password());
        config.setMaximumPoolSize(6);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    /** The connections of the test's pool, ended by the server from an admin connection of its own. */
    private static int kill(TestDatabase db) throws SQLException {
        try (Connection admin = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()); Statement s = admin.createStatement()) {
            if (db.engine() == Engine.POSTGRESQL) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = "
                        + "'modelrepo-fault-" + db.name() + "'")) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM information_schema.processlist WHERE db = '" + db.name()
                    + "' AND id <> CONNECTION_ID()")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            int killed = 0;
            for (long id : ids) {
                try {
                    s.execute("KILL CONNECTION " + id);
                    killed++;
                }
                catch (SQLException gone) {
                    // it ended on its own meanwhile
                }
            }
            return killed;
        }
    }

    @EngineTest(engines = { Engine.POSTGRESQL, Engine.MARIADB })
    void killedConnectionsFailCleanlyAndThePoolRecovers(TestDatabase db) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE fault_rows (id BIGINT PRIMARY KEY, batch INTEGER NOT NULL, payload VARCHAR(50))");
            s.execute("INSERT INTO fault_rows (id, batch, payload) VALUES (1, 0, 'seed'), (2, 0, 'seed'), (3, 0, 'seed')");
        }
        try (HikariDataSource pool = pool(db)) {
            ModelRepository repo = ModelRepository.builder(pool).queryTimeout(Duration.ofSeconds(20)).build();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger ok = new AtomicInteger();
            AtomicInteger batchesStarted = new AtomicInteger();
            AtomicLong slowest = new AtomicLong();
            Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
            List<Throwable> foreign = new ArrayList<>();
            AtomicLong ids = new AtomicLong(1_000);
            // the acknowledged-write audit: the ids of every write whose call returned normally
            java.util.Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            ExecutorService load = Executors.newFixedThreadPool(5);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 5; t++) {
                int kind = t;
                futures.add(load.submit(() -> {
                    while (running.get()) {
                        long start = System.nanoTime();
                        try {
                            switch (kind) {
                                case 0 -> repo.list(ModelQuery.from(FaultRow.class, "f").where(eq("f.batch", 0)), Map.of());
                                case 1 -> {
                                    long id = ids.incrementAndGet();
                                    repo.save(repo.build(FaultRow.class, Map.of("id", id, "batch", -1, "payload", "single")));
                                    acknowledged.add(id);
                                }
                                case 2 -> {
                                    try (Stream<FaultRow> rows = repo.stream(ModelQuery.from(FaultRow.class, "f"), Map.of(), 2)) {
                                        rows.forEach(r -> { });
                                    }
                                }
                                case 3 -> {
                                    // a bulk insert in its own transaction (PostgreSQL: COPY): all 200 rows or none
                                    int batch = batchesStarted.incrementAndGet();
                                    List<Map<String, Object>> rows = new ArrayList<>();
                                    for (int i = 0; i < 200; i++) {
                                        rows.add(Map.of("id", ids.incrementAndGet(), "batch", batch, "payload", "bulk"));
                                    }
                                    repo.bulk().insertBulk(FaultRow.class, List.of("id", "batch", "payload"), rows);
                                    rows.forEach(row -> acknowledged.add((Long) row.get("id")));
                                }
                                default -> {
                                    int batch = batchesStarted.incrementAndGet();
                                    List<Long> written = new ArrayList<>();
                                    repo.useTransaction(() -> {
                                        written.clear();
                                        for (int i = 0; i < 50; i++) {
                                            long id = ids.incrementAndGet();
                                            repo.save(repo.build(FaultRow.class, Map.of("id", id, "batch", batch, "payload", "batch")));
                                            written.add(id);
                                        }
                                    });
                                    acknowledged.addAll(written);
                                }
                            }
                            ok.incrementAndGet();
                        }
                        catch (DataAccessException | TransactionException expected) {
                            failures.computeIfAbsent(expected.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                        }
                        catch (Throwable other) {
                            synchronized (foreign) {
                                foreign.add(other);
                            }
                        }
                        slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                    }
                    return null;
                }));
            }
            int killed = 0;
            for (int round = 0; round < 6; round++) {
                Thread.sleep(400);
                killed += kill(db);
            }
            running.set(false);
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            load.shutdownNow();
            // the pool recovers: later calls succeed. HikariCP validates a borrowed connection only when it was idle for
            // more than 500 ms (its alive-bypass window); a connection killed while idle in the pool is caught then.
            Thread.sleep(1_000);
            for (int i = 0; i < 20; i++) {
                repo.list(ModelQuery.from(FaultRow.class, "f").where(eq("f.batch", 0)), Map.of());
                long id = ids.incrementAndGet();
                repo.save(repo.build(FaultRow.class, Map.of("id", id, "batch", -2, "payload", "after")));
                acknowledged.add(id);
            }
            // no partially written batch: each batch has all its 50 rows or none
            List<Map<String, Object>> perBatch = repo.rows(ModelQuery.from(FaultRow.class, "f").select(col("f.batch"), count().as("n"))
                    .where(gt("f.batch", 0)).groupBy("f.batch"), Map.of());
            java.util.Set<Long> stored = new java.util.HashSet<>();
            repo.rows(ModelQuery.from(FaultRow.class, "f").select(col("f.id")), Map.of())
                    .forEach(row -> stored.add(((Number) row.get("id")).longValue()));
            java.util.Set<Long> lost = new java.util.TreeSet<>(acknowledged);
            lost.removeAll(stored);
            System.out.printf("faults [%s]: %d connections killed; %d calls succeeded, failures %s; slowest call %d ms; %d batches"
                    + " started, %d committed whole; %d acknowledged writes, %d found%n", db.engine(), killed, ok.get(), failures,
                    slowest.get(), batchesStarted.get(), perBatch.size(), acknowledged.size(), acknowledged.size() - lost.size());
            assertThat(lost).as("acknowledged writes missing from the database").isEmpty();
            assertThat(acknowledged).isNotEmpty();
            assertThat(foreign).as("failures that are not Spring data access or transaction exceptions").isEmpty();
            assertThat(killed).isPositive();
            assertThat(failures).isNotEmpty();
            assertThat(perBatch).allSatisfy(row -> assertThat(((Number) row.get("n")).longValue()).isIn(50L, 200L));
            assertThat(slowest.get()).isLessThan(30_000);
            // no leak: no active connection, and on PostgreSQL no open cursor in any pooled session
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
            if (db.engine() == Engine.POSTGRESQL) {
                List<Connection> all = new ArrayList<>();
                try {
                    for (int i = 0; i < 6; i++) {
                        all.add(pool.getConnection());
                    }
                    for (Connection c : all) {
                        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                                "SELECT COUNT(*) FROM pg_cursors WHERE statement NOT LIKE '%pg_cursors%'")) {   // not this query's own portal
                            rs.next();
                            assertThat(rs.getLong(1)).isZero();
                        }
                    }
                }
                finally {
                    for (Connection c : all) {
                        c.close();
                    }
                }
            }
        }
    }

    @EngineTest(engines = { Engine.POSTGRESQL, Engine.MARIADB })
    void aConfiguredStatementTimeoutIsHonoured(TestDatabase db) throws Exception {
        try (HikariDataSource pool = pool(db)) {
            ModelRepository repo = ModelRepository.builder(pool).queryTimeout(Duration.ofSeconds(1)).build();
            String sleep = db.engine() == Engine.POSTGRESQL ? "SELECT pg_sleep(5)" : "SELECT SLEEP(5)";
            long start = System.nanoTime();
            assertThatThrownBy(() -> repo.sql(sleep).list(Map.of())).isInstanceOf(DataAccessException.class);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (db.engine() == Engine.MARIADB) {
                // MariaDB's SLEEP returns 1 when interrupted instead of failing: the driver raises the timeout
                assertThat(millis).isLessThan(4_000);
            }
            assertThat(millis).isLessThan(4_000);
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
        }
    }
}

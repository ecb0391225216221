package dev.modelrepo.autoconfigure.replica;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.annotation.Configuration;
import org.slf4j.LoggerFactory;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.autoconfigure.replica.models.Item;
import dev.modelrepo.autoconfigure.replica.models.Owner;
import dev.modelrepo.autoconfigure.replica.models.ServerRole;
import dev.modelrepo.replica.FallbackReason;
import dev.modelrepo.replica.ReadYourWrites;
import dev.modelrepo.replica.ReplicaRouting;
import dev.modelrepo.replica.ReplicaStats;
import dev.modelrepo.repository.ModelRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read replica on a real PostgreSQL primary (5432) and hot standby (5433, {@code .ci/standby.sh}) in a Boot context:
 * where reads and writes run, read-your-writes with the standby's replay paused, a lagging and a dead replica, and
 * include, streams and bulk writes through the routing.
 */
class ReplicaRoutingPostgresTests {

    private static final String SCHEMA = "replica_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));

    private static final int ROUNDS = 20;

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                ModelRepositoryAutoConfiguration.class, ReplicaAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + Standby.PRIMARY_URL + "?currentSchema=" + SCHEMA,
                "spring.datasource.username=postgres", "spring.datasource.password=",
                "modelrepo.model-packages=dev.modelrepo.autoconfigure.replica.models",
                "modelrepo.replica.url=" + Standby.STANDBY_URL + "?currentSchema=" + SCHEMA, "modelrepo.replica.username=postgres",
                "modelrepo.replica.password=", "modelrepo.replica.check-interval=0");

    @BeforeAll
    static void createTables() throws SQLException {
        Standby.require();
        try (Connection primary = Standby.connect(Standby.PRIMARY_URL)) {
            Standby.execute(primary, "CREATE SCHEMA " + SCHEMA);
            Standby.execute(primary, "CREATE TABLE " + SCHEMA + ".replica_owners (id bigserial PRIMARY KEY, name text NOT NULL)");
            Standby.execute(primary, "CREATE TABLE " + SCHEMA + ".replica_items (id bigserial PRIMARY KEY, name text NOT NULL,"
                    + " owner_id bigint REFERENCES " + SCHEMA + ".replica_owners (id))");
            Standby.execute(primary, "CREATE VIEW " + SCHEMA + ".server_role AS SELECT 1 AS id, pg_is_in_recovery() AS standby");
            waitForReplay(Standby.queryLong(primary, "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint"));
        }
    }

    @AfterAll
    static void dropTables() throws SQLException {
        if (Standby.available()) {
            resumeReplay();
            try (Connection primary = Standby.connect(Standby.PRIMARY_URL)) {
                Standby.execute(primary, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    @BeforeEach
    @AfterEach
    void freshScope() throws SQLException {
        ReadYourWrites.clear();
        resumeReplay();
    }

    @Test
    @DisplayName("read-only transactions and reads outside a transaction run on the standby, writes on the primary [postgresql]")
    void readOnlyWorkRunsOnTheStandbyAndWritesOnThePrimary() {
        this.contextRunner.run((context) -> {
            ModelRepository repo = context.getBean(ModelRepository.class);
            ReplicaStats stats = routing(context).stats();
            assertThat((Boolean) inTransaction(context, true, (tx) -> role(repo))).as("read-only transaction").isTrue();
            assertThat((Boolean) inTransaction(context, true, (tx) -> repo.sql("SELECT pg_is_in_recovery() AS r").list(Map.of()).get(0).get("r")))
                .as("native SQL in a read-only transaction").isEqualTo(true);
            assertThat((Boolean) inTransaction(context, false, (tx) -> role(repo))).as("read-write transaction").isFalse();
            assertThat(role(repo)).as("a read outside a transaction").isTrue();
            long reads = stats.reads();
            repo.count(repo.query(Item.class, "i"), Map.of());
            repo.exists(repo.query(Item.class, "i"), Map.of());
            assertThat(stats.reads()).as("count and exists outside a transaction").isEqualTo(reads + 2);
            assertThat(repo.sql("SELECT pg_is_in_recovery() AS r").list(Map.of()).get(0).get("r"))
                .as("native SQL outside a transaction may write: it stays on the primary").isEqualTo(false);
            Owner owner = repo.build(Owner.class, Map.of("name", "written on the primary"));
            assertThat(repo.save(owner)).isTrue();
            assertThat(stats.fallbacks(FallbackReason.DOWN)).isZero();
        });
    }

    @Test
    @DisplayName("@Transactional(readOnly = true) methods run on the standby, @Transactional ones on the primary [postgresql]")
    void transactionalAnnotationsRoute() {
        this.contextRunner.withUserConfiguration(Roles.class).run((context) -> {
            Roles roles = context.getBean(Roles.class);
            assertThat(roles.readOnly()).isTrue();
            assertThat(roles.readWrite()).isFalse();
        });
    }

    /** A service whose transactions come from annotations. */
    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Roles {

        private final ModelRepository repo;

        Roles(ModelRepository repo) {
            this.repo = repo;
        }

        @Transactional(readOnly = true)
        public boolean readOnly() {
            return role(repo);
        }

        @Transactional
        public boolean readWrite() {
            return role(repo);
        }
    }

    @Test
    @DisplayName("read-your-writes: with replay paused a thread's reads go to the primary and see its commit; resumed, the standby [postgresql]")
    void readYourWritesNeverReadsOlderThanTheOwnCommit() {
        this.contextRunner.run((context) -> {
            ModelRepository repo = context.getBean(ModelRepository.class);
            ReplicaStats stats = routing(context).stats();
            long fallbacksBefore = stats.fallbacks(FallbackReason.READ_YOUR_WRITES);
            long readsBefore = stats.reads();
            Owner owner = repo.build(Owner.class, Map.of("name", "ryw"));
            repo.save(owner);
            List<Long> catchUpMillis = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                pauseReplay();
                String name = "item " + round;
                inTransaction(context, false, (tx) -> repo.save(repo.build(Item.class, Map.of("name", name, "owner_id", owner.id()))));
                String token = ReadYourWrites.token();
                // paused: the standby lacks the row, so the read must run on the primary
                assertThat((Boolean) inTransaction(context, true, (tx) -> role(repo))).as("round %d, paused", round).isFalse();
                assertThat((Boolean) inTransaction(context, true, (tx) -> repo.exists(byName(repo, name), Map.of()))).isTrue();
                assertThat(repo.exists(byName(repo, name), Map.of())).as("outside a transaction").isTrue();
                // another thread has no such write in its scope: it reads the standby, which has not the row yet
                assertThat(CompletableFuture.supplyAsync(() -> repo.exists(byName(repo, name), Map.of())).join())
                    .as("another scope reads the standby").isFalse();
                // ... unless it resumes this scope's token
                assertThat(CompletableFuture.supplyAsync(() -> {
                    ReadYourWrites.resume(token);
                    try {
                        return repo.exists(byName(repo, name), Map.of());
                    }
                    finally {
                        ReadYourWrites.clear();
                    }
                }).join()).as("a resumed token").isTrue();
                long resumed = System.nanoTime();
                resumeReplay();
                waitForReplay(Long.parseLong(token.substring("ryw1-".length()), 16));
                catchUpMillis.add((System.nanoTime() - resumed) / 1_000_000);
                assertThat((Boolean) inTransaction(context, true, (tx) -> role(repo))).as("round %d, resumed", round).isTrue();
                assertThat((Boolean) inTransaction(context, true, (tx) -> repo.exists(byName(repo, name), Map.of()))).isTrue();
            }
            long fallbacks = stats.fallbacks(FallbackReason.READ_YOUR_WRITES) - fallbacksBefore;
            assertThat(fallbacks).as("each paused round: two read-only transactions, one read, one resumed token")
                .isEqualTo(4L * ROUNDS);
            System.out.println("[modelrepo-test] read-your-writes: " + ROUNDS + " rounds, " + fallbacks + " reads fell back to the"
                    + " primary, " + (stats.reads() - readsBefore) + " reads on the standby; replay caught up with the commit "
                    + catchUpMillis + " ms after resume; " + stats);
        });
    }

    @Test
    @DisplayName("a standby lagging past max-lag is skipped until it catches up; the lag gauge shows it [postgresql]")
    void aLaggingStandbyIsSkipped() {
        this.contextRunner.withPropertyValues("modelrepo.replica.max-lag=1ms").run((context) -> {
            ModelRepository repo = context.getBean(ModelRepository.class);
            ReplicaRouting routing = routing(context);
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            context.getBean(ReplicaMeterBinder.class).bindTo(meters);
            routing.check();
            assertThat(routing.skippedFor()).isNull();
            pauseReplay();
            Owner owner = repo.build(Owner.class, Map.of("name", "lagging"));
            repo.save(owner);
            ReadYourWrites.clear();   // not this test's subject: lag alone must send reads to the primary
            routing.check();
            Thread.sleep(5);   // the lag is dated by the checks' clock: let some pass between two checks
            repo.save(repo.build(Owner.class, Map.of("name", "lagging more")));
            ReadYourWrites.clear();
            routing.check();
            assertThat(routing.skippedFor()).isEqualTo(FallbackReason.LAG);
            assertThat(routing.stats().lag()).isPositive();
            assertThat(meters.get("modelrepo.replica.lag").gauge().value()).isPositive();
            assertThat(role(repo)).as("a read while lagging").isFalse();
            assertThat(repo.findById(Owner.class, owner.id())).isPresent();
            assertThat(meters.get("modelrepo.replica.fallbacks").tag("reason", "lag").functionCounter().count()).isEqualTo(2);
            System.out.println("[modelrepo-test] lag with replay paused: " + routing.stats().lag().toMillis() + " ms");
            resumeReplay();
            try (Connection primary = Standby.connect(Standby.PRIMARY_URL)) {
                waitForReplay(Standby.queryLong(primary, "SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint"));
            }
            routing.check();
            assertThat(routing.skippedFor()).isNull();
            assertThat(routing.stats().lag()).isZero();
            assertThat(role(repo)).as("a read after catching up").isTrue();
            assertThat(meters.get("modelrepo.replica.reads").functionCounter().count()).isEqualTo(routing.stats().reads());
        });
    }

    @Test
    @DisplayName("a dead standby makes reads fall back to the primary without errors, with one WARN [postgresql]")
    void aDeadStandbyMakesReadsFallBack() {
        Logger logger = (Logger) LoggerFactory.getLogger(ReplicaRouting.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        logger.addAppender(warnings);
        this.contextRunner.withPropertyValues("modelrepo.replica.url=jdbc:postgresql://127.0.0.1:1/test").run((context) -> {
            ModelRepository repo = context.getBean(ModelRepository.class);
            ReplicaRouting routing = routing(context);
            assertThat(role(repo)).isFalse();
            assertThat((Boolean) inTransaction(context, true, (tx) -> role(repo))).isFalse();
            try (Stream<Owner> owners = repo.stream(repo.query(Owner.class, "o"), Map.of())) {
                assertThat(owners.count()).isNotNegative();
            }
            assertThat(routing.skippedFor()).isEqualTo(FallbackReason.DOWN);
            assertThat(routing.stats().fallbacks(FallbackReason.DOWN)).isEqualTo(3);
            assertThat(routing.stats().reads()).isZero();
        });
        logger.detachAppender(warnings);
        assertThat(warnings.list).as("one WARN for the change of state, not one per read").singleElement()
            .satisfies((event) -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).startsWith("The read replica is down, reads go to the primary");
            });
    }

    @Test
    @DisplayName("a standby stopped while in use makes reads fall back to the primary without errors; started again, it serves reads [postgresql]")
    void aStoppedStandbyMakesReadsFallBack() {
        Standby.requireControl();
        this.contextRunner.run((context) -> {
            ModelRepository repo = context.getBean(ModelRepository.class);
            ReplicaRouting routing = routing(context);
            assertThat(role(repo)).as("before the stop").isTrue();
            try {
                Standby.stop();
                assertThat(role(repo)).as("a read after the stop").isFalse();
                assertThat((Boolean) inTransaction(context, true, (tx) -> role(repo))).as("a read-only transaction after the stop").isFalse();
                assertThat(routing.skippedFor()).isEqualTo(FallbackReason.DOWN);
                assertThat(routing.stats().fallbacks(FallbackReason.DOWN)).isEqualTo(2);
            }
            finally {
                Standby.start();
            }
            routing.check();
            assertThat(routing.skippedFor()).as("the check finds it back").isNull();
            assertThat(role(repo)).as("a read after the restart").isTrue();
        });
    }

    @Test
    @DisplayName("include, streams and bulk writes through the routing: writes on the primary, reads on the standby [postgresql]")
    void includeStreamsAndBulkBehave() {
        this.contextRunner.withPropertyValues("modelrepo.replica.check-interval=20ms").run((context) -> {
            ModelRepository repo = context.getBean(ModelRepository.class);
            ReplicaStats stats = routing(context).stats();
            Owner owner = repo.build(Owner.class, Map.of("name", "bulk owner"));
            repo.save(owner);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                rows.add(Map.of("name", "bulk " + i, "owner_id", owner.id()));
            }
            assertThat(repo.bulk().insertBulk(Item.class, List.of("name", "owner_id"), rows)).isEqualTo(500);
            String token = ReadYourWrites.token();
            waitForReplay(Long.parseLong(token.substring("ryw1-".length()), 16));
            long reads = stats.reads();
            List<Owner> owners = repo.list(repo.query(Owner.class, "o").where(dev.modelrepo.query.Q.eq("o.id", owner.id()))
                .include("items"), Map.of());
            assertThat(owners).singleElement().satisfies((o) -> assertThat(o.relatedList("items")).hasSize(500));
            try (Stream<Item> items = repo.stream(byOwner(repo, owner), Map.of(), 100)) {
                assertThat(items.count()).isEqualTo(500);
            }
            List<Integer> batches = new ArrayList<>();
            repo.forEachBatch(byOwner(repo, owner), Map.of(), 200, (batch) -> batches.add(batch.size()));
            assertThat(batches).containsExactly(200, 200, 100);
            assertThat(stats.reads() - reads).as("list + include, stream, batches: each on the standby").isEqualTo(4);
            assertThat(repo.bulk().deleteBulk(Item.class, repo.list(byOwner(repo, owner), Map.of()))).isEqualTo(500);
            assertThat(repo.count(byOwner(repo, owner), Map.of())).as("read-your-writes after the bulk delete").isZero();
            System.out.println("[modelrepo-test] replica lag seen by the 20 ms background check during bulk writes and reads: max "
                    + stats.maxObservedLag().toNanos() / 1_000_000.0 + " ms; " + stats);
        });
    }

    private static boolean role(ModelRepository repo) {
        return repo.first(repo.query(ServerRole.class, "r"), Map.of()).orElseThrow().standby();
    }

    private static dev.modelrepo.query.ModelQuery<Item> byName(ModelRepository repo, String name) {
        return repo.query(Item.class, "i").where(dev.modelrepo.query.Q.eq("i.name", name));
    }

    private static dev.modelrepo.query.ModelQuery<Item> byOwner(ModelRepository repo, Owner owner) {
        return repo.query(Item.class, "i").where(dev.modelrepo.query.Q.eq("i.owner_id", owner.id()));
    }

    private static <T> T inTransaction(ApplicationContext context, boolean readOnly, Function<Object, T> work) {
        TransactionTemplate template = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        template.setReadOnly(readOnly);
        return template.execute(work::apply);
    }

    static ReplicaRouting routing(ApplicationContext context) throws SQLException {
        DataSource dataSource = context.getBean(DataSource.class);
        assertThat(ReplicaRouting.routes(dataSource)).isTrue();
        return dataSource.unwrap(ReplicaRouting.class);
    }

    private static void pauseReplay() throws SQLException, InterruptedException {
        try (Connection standby = Standby.connect(Standby.STANDBY_URL)) {
            Standby.execute(standby, "SELECT pg_wal_replay_pause()");
            for (int i = 0; i < 3000 && !Standby.queryBoolean(standby, "SELECT pg_get_wal_replay_pause_state() = 'paused'"); i++) {
                Thread.sleep(10);
            }
        }
    }

    private static void resumeReplay() throws SQLException {
        try (Connection standby = Standby.connect(Standby.STANDBY_URL)) {
            Standby.execute(standby, "SELECT pg_wal_replay_resume()");
        }
    }

    /** Waits (at most a minute) until the standby has replayed up to the position. */
    private static void waitForReplay(long position) throws SQLException {
        try (Connection standby = Standby.connect(Standby.STANDBY_URL)) {
            for (int i = 0; i < 6000; i++) {
                if (Standby.queryLong(standby, "SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint") >= position) {
                    return;
                }
                Thread.sleep(10);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("The standby did not replay up to " + position + " within a minute");
    }
}

package dev.modelrepo.sharding;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

import dev.modelrepo.dialect.BulkSupport;
import dev.modelrepo.dialect.PostgresDialect;
import dev.modelrepo.dialect.ShardingSpherePostgresDialect;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;

/** modelrepo over ShardingSphere-JDBC 5.5 with two PostgreSQL databases [postgresql via shardingsphere]. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShardingSphereTests {

    private static DataSource dataSource;

    private static ModelRepository repo;

    @BeforeAll
    static void start() throws Exception {
        ShardedDatabase.prepareShards();
        dataSource = ShardedDatabase.sharded();
        repo = ModelRepository.create(dataSource);
        repo.sql("INSERT INTO currencies (code, name) VALUES ('EUR', 'Euro'), ('JPY', 'Yen')").update(Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        if (dataSource instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Test
    @Order(1)
    void theDialectIsDetectedThroughTheEngineAndTheLogicalTablesHaveMetadata() {
        assertThat(repo.dialect()).isSameAs(ShardingSpherePostgresDialect.INSTANCE);
        assertThat(repo.dialect()).isInstanceOf(PostgresDialect.class);
        assertThat(repo.dialect().bulk().insertMethod()).as("no COPY through the engine").isEqualTo(BulkSupport.InsertMethod.BATCH);
        var orders = repo.registry().table(dev.modelrepo.sharding.Order.class);
        assertThat(orders.columns()).extracting(c -> c.name()).contains("id", "customer_id", "currency_code", "amount", "lock_version");
        assertThat(orders.primaryKey()).extracting(c -> c.name()).containsExactly("id");
        assertThat(repo.registry().table(Currency.class).primaryKey()).extracting(c -> c.name()).containsExactly("code");
    }

    @Test
    @Order(2)
    void savesLandInTheShardOfTheirKeyAndTheDslReadsAcrossShards() throws Exception {
        for (long id = 1; id <= 6; id++) {
            repo.saveOrThrow(repo.build(dev.modelrepo.sharding.Order.class, Map.of("id", id, "customer_id", id, "currency_code",
                    id % 3 == 0 ? "JPY" : "EUR", "amount", new BigDecimal(id + ".50"))));
        }
        assertThat(ShardedDatabase.countIn("shard0", "orders")).isEqualTo(3);
        assertThat(ShardedDatabase.countIn("shard1", "orders")).isEqualTo(3);
        ModelQuery<dev.modelrepo.sharding.Order> big = ModelQuery.from(dev.modelrepo.sharding.Order.class, "o")
                .where(ge("o.amount", param("min"))).orderBy(desc("o.amount")).limit(3);
        assertThat(repo.list(big, Map.of("min", new BigDecimal("2")))).extracting(o -> o.get("id", Long.class)).containsExactly(6L, 5L, 4L);
        assertThat(repo.count(ModelQuery.from(dev.modelrepo.sharding.Order.class, "o"), Map.of())).isEqualTo(6);
        assertThat(repo.findById(dev.modelrepo.sharding.Order.class, 5L)).isPresent();
        ModelQuery<dev.modelrepo.sharding.Order> ofCustomer = ModelQuery.from(dev.modelrepo.sharding.Order.class, "o")
                .where(eq("o.customer_id", param("c")));
        assertThat(repo.list(ofCustomer, Map.of("c", 4L))).hasSize(1);
    }

    @Test
    @Order(3)
    void savesOfRowsInTheSecondShardAndOfBroadcastRowsReadTheirRowBack() throws Exception {
        var order = repo.findById(dev.modelrepo.sharding.Order.class, 5L).orElseThrow();
        order.set("note", "in shard1");
        repo.saveOrThrow(order);
        assertThat(order.get("lock_version", Integer.class)).isEqualTo(1);
        try (var c = ShardedDatabase.shard("shard1"); var s = c.createStatement();
                var rs = s.executeQuery("SELECT note, lock_version FROM orders WHERE id = 5")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("in shard1");
            assertThat(rs.getInt(2)).isEqualTo(1);
        }
        Currency yen = repo.findById(Currency.class, "JPY").orElseThrow();
        yen.set("name", "Japanese yen");
        repo.saveOrThrow(yen);
        for (String shard : ShardedDatabase.SHARDS) {
            try (var c = ShardedDatabase.shard(shard); var s = c.createStatement();
                    var rs = s.executeQuery("SELECT name FROM currencies WHERE code = 'JPY'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).as(shard).isEqualTo("Japanese yen");
            }
        }
    }

    @Test
    @Order(3)
    void optimisticLockingWorksThroughTheEngine() {
        var a = repo.findById(dev.modelrepo.sharding.Order.class, 2L).orElseThrow();
        var b = repo.findById(dev.modelrepo.sharding.Order.class, 2L).orElseThrow();
        a.set("note", "first");
        repo.saveOrThrow(a);
        b.set("note", "second");
        assertThatThrownBy(() -> repo.saveOrThrow(b)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(repo.findById(dev.modelrepo.sharding.Order.class, 2L).orElseThrow().get("note", String.class)).isEqualTo("first");
    }

    @Test
    @Order(4)
    void includeLoadsBroadcastAndShardedRelations() {
        List<Currency> currencies = repo.list(ModelQuery.from(Currency.class, "c").include("orders").orderBy(asc("c.code")), Map.of());
        assertThat(currencies).extracting(c -> c.get("code", String.class)).containsExactly("EUR", "JPY");
        assertThat(currencies.get(0).relatedList("orders")).hasSize(4);
        assertThat(currencies.get(1).relatedList("orders")).hasSize(2);
        List<dev.modelrepo.sharding.Order> orders = repo.list(ModelQuery.from(dev.modelrepo.sharding.Order.class, "o")
                .include("currency").orderBy(asc("o.id")), Map.of());
        assertThat(orders.get(2).<Currency>related("currency").get("name", String.class)).isEqualTo("Japanese yen");
    }

    @Test
    @Order(5)
    void bulkOperationsWorkThroughTheEngine() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long id = 101; id <= 120; id++) {
            rows.add(Map.of("id", id, "customer_id", id, "currency_code", "EUR", "amount", new BigDecimal("1.00")));
        }
        int inserted = repo.bulk().insertBulk(dev.modelrepo.sharding.Order.class, List.of("id", "customer_id", "currency_code", "amount"), rows);
        assertThat(inserted).isEqualTo(20);
        assertThat(ShardedDatabase.countIn("shard0", "orders") + ShardedDatabase.countIn("shard1", "orders")).isEqualTo(26);
        List<dev.modelrepo.sharding.Order> loaded = repo.list(ModelQuery.from(dev.modelrepo.sharding.Order.class, "o")
                .where(ge("o.id", 101L)), Map.of());
        loaded.forEach(o -> o.set("note", "bulk"));
        assertThat(repo.bulk().updateBulk(dev.modelrepo.sharding.Order.class, List.of("note"), loaded)).isEqualTo(20);
        assertThat(repo.count(ModelQuery.from(dev.modelrepo.sharding.Order.class, "o").where(eq("o.note", "bulk")), Map.of())).isEqualTo(20);
        assertThat(repo.bulk().deleteBulk(dev.modelrepo.sharding.Order.class, loaded)).isEqualTo(20);
        assertThat(repo.count(ModelQuery.from(dev.modelrepo.sharding.Order.class, "o"), Map.of())).isEqualTo(6);
    }

    @Test
    @Order(6)
    void upsertsInsertNewRowsAndUpdateExistingOnesInTheirShards() throws Exception {
        List<Map<String, Object>> rows = List.of(
                Map.of("id", 1L, "customer_id", 1L, "currency_code", "EUR", "amount", new BigDecimal("9.99")),
                Map.of("id", 201L, "customer_id", 201L, "currency_code", "JPY", "amount", new BigDecimal("3.00")),
                Map.of("id", 202L, "customer_id", 202L, "currency_code", "JPY", "amount", new BigDecimal("4.00")));
        repo.bulk().upsertBulk(dev.modelrepo.sharding.Order.class, List.of("id", "customer_id", "currency_code", "amount"), rows, List.of("id"));
        assertThat(repo.findById(dev.modelrepo.sharding.Order.class, 1L).orElseThrow().get("amount", BigDecimal.class))
                .isEqualByComparingTo("9.99");
        assertThat(repo.count(ModelQuery.from(dev.modelrepo.sharding.Order.class, "o"), Map.of())).isEqualTo(8);
        assertThat(ShardedDatabase.countIn("shard0", "orders")).as("2, 4, 6, 202").isEqualTo(4);
        assertThat(ShardedDatabase.countIn("shard1", "orders")).as("1, 3, 5, 201").isEqualTo(4);
    }

    @Test
    @Order(7)
    void movingARowToAnotherShardIsRefusedWithATypedErrorAndNothingChanges() throws Exception {
        var order = repo.findById(dev.modelrepo.sharding.Order.class, 3L).orElseThrow();
        int version = order.get("lock_version", Integer.class);
        order.set("customer_id", 4L);
        assertThatThrownBy(() -> repo.saveOrThrow(order)).isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("Can not update sharding value for table 'orders'").hasMessageContaining("UPDATE \"orders\"");
        assertThat(order.get("lock_version", Integer.class)).as("the model follows the failed update").isEqualTo(version);
        assertThat(order.isDirty()).isTrue();
        assertThat(repo.findById(dev.modelrepo.sharding.Order.class, 3L).orElseThrow().get("customer_id", Long.class)).isEqualTo(3L);
        assertThat(ShardedDatabase.countIn("shard1", "orders")).isEqualTo(4);
    }

    @Test
    @Order(8)
    void setBasedWritesOfTheDslRunOnEveryShardTheyConcern() {
        ModelQuery<dev.modelrepo.sharding.Order> jpy = ModelQuery.from(dev.modelrepo.sharding.Order.class, "o")
                .where(eq("o.currency_code", "JPY"));
        assertThat(repo.updateWhere(jpy, Map.of("note", "yen"), Map.of())).isEqualTo(4);
        assertThat(repo.count(ModelQuery.from(dev.modelrepo.sharding.Order.class, "o").where(eq("o.note", "yen")), Map.of())).isEqualTo(4);
        ModelQuery<dev.modelrepo.sharding.Order> big = ModelQuery.from(dev.modelrepo.sharding.Order.class, "o")
                .where(in("o.id", List.of(201L, 202L)));
        assertThat(repo.deleteWhere(big, Map.of())).isEqualTo(2);
        assertThat(repo.count(ModelQuery.from(dev.modelrepo.sharding.Order.class, "o"), Map.of())).isEqualTo(6);
    }

    @Test
    @Order(9)
    void streamsAndLockedReadsGoThroughTheEngine() {
        ModelQuery<dev.modelrepo.sharding.Order> all = ModelQuery.from(dev.modelrepo.sharding.Order.class, "o").orderBy(asc("o.id"));
        try (var stream = repo.stream(all, Map.of())) {
            assertThat(stream.map(o -> o.get("id", Long.class)).toList()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        }
        ModelQuery<dev.modelrepo.sharding.Order> ofCustomer = ModelQuery.from(dev.modelrepo.sharding.Order.class, "o")
                .where(eq("o.customer_id", 3L));
        int locked = repo.locks().withLocked(ofCustomer, Map.of(), dev.modelrepo.lock.LockOptions.forUpdate().nowait(), rows -> {
            rows.get(0).set("note", "locked");
            repo.saveOrThrow(rows.get(0));
            return rows.size();
        });
        assertThat(locked).isEqualTo(1);
        assertThat(repo.findById(dev.modelrepo.sharding.Order.class, 3L).orElseThrow().get("note", String.class)).isEqualTo("locked");
    }

    @Test
    @Order(10)
    void skipLockedWhichTheEnginesParserRejectsIsRefusedBeforeAnySql() {
        ModelQuery<dev.modelrepo.sharding.Order> all = ModelQuery.from(dev.modelrepo.sharding.Order.class, "o");
        assertThatThrownBy(() -> repo.locks().withLocked(all, Map.of(), dev.modelrepo.lock.LockOptions.forUpdate().skipLocked(),
                rows -> rows.size())).isInstanceOf(dev.modelrepo.dialect.UnsupportedLockException.class)
                .hasMessageContaining("SKIP LOCKED through ShardingSphere");
        int shared = repo.locks().withLocked(all, Map.of(), dev.modelrepo.lock.LockOptions.forShare(), rows -> rows.size());
        assertThat(shared).isEqualTo(6);
    }

    @Test
    @Order(11)
    void aNestedTransactionRollsBackToItsSavepointOnly() {
        repo.useTransaction(() -> {
            repo.saveOrThrow(newOrder(301L));
            try {
                repo.useTransaction(() -> {
                    repo.saveOrThrow(newOrder(302L));
                    throw new IllegalStateException("inner");
                });
            }
            catch (IllegalStateException expected) {
                // the savepoint was rolled back
            }
        });
        assertThat(repo.findById(dev.modelrepo.sharding.Order.class, 301L)).isPresent();
        assertThat(repo.findById(dev.modelrepo.sharding.Order.class, 302L)).isEmpty();
    }

    @Test
    @Order(12)
    void insertAllWritesEachStoredRowBackIntoItsModel() {
        List<dev.modelrepo.sharding.Order> orders = List.of(newOrder(401L), newOrder(402L));
        repo.bulk().insertAll(orders);
        assertThat(orders).allSatisfy(o -> {
            assertThat(o.isNew()).isFalse();
            assertThat(o.get("lock_version", Integer.class)).isZero();
        });
        assertThat(repo.count(ModelQuery.from(dev.modelrepo.sharding.Order.class, "o").where(in("o.id", List.of(401L, 402L))), Map.of()))
                .isEqualTo(2);
    }

    private static dev.modelrepo.sharding.Order newOrder(long id) {
        return repo.build(dev.modelrepo.sharding.Order.class, Map.of("id", id, "customer_id", id, "currency_code", "EUR",
                "amount", new BigDecimal("5.00")));
    }
}

package dev.modelrepo.bulk;

import static dev.modelrepo.bulk.BulkFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Chunks stay within each database's limits whatever the batch size asks for: SQLite's 32,766 bind parameters,
 * PostgreSQL's and MySQL/MariaDB's 65,535 (PostgreSQL's array shapes bind one array per column, so they never come
 * near it), and MySQL/MariaDB's max_allowed_packet.
 */
@Changelog("db/changelog/test-schema.xml")
class BulkChunkingTests {

    private static final int ROWS = 70_000;

    private static long binds(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }

    @EngineTest
    void operationsOverSeventyThousandRowsCrossTheBindLimits(TestDatabase db, Engine engine) throws SQLException {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        ModelRepository repo = repo(counting, T0);
        int limit = repo.dialect().bulk().maxBindParameters();
        BulkOptions huge = BulkOptions.defaults().batchSize(1_000_000);
        String tag = tag();
        List<Map<String, Object>> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            rows.add(user(tag + i, tag + i + "@x.test", i));
        }
        // 70,000 rows x 5 values (name, email, age, created_at, updated_at) = 350,000 values
        assertThat(repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), rows, huge)).isEqualTo(ROWS);
        assertThat(count(db, "email LIKE '" + tag + "%'")).isEqualTo(ROWS);

        List<Map<String, Object>> ids = new ArrayList<>(ROWS);
        repo.sql("SELECT id, age FROM users WHERE email LIKE :tag").list(Map.of("tag", tag + "%"))
                .forEach(r -> ids.add(Map.of("id", r.get("id"), "age", ((Number) r.get("age")).intValue() + 1)));
        counting.reset();
        assertThat(repo.bulk().updateBulk(Person.class, List.of("age"), ids, huge)).isEqualTo(ROWS);
        assertThat(count(db, "email LIKE '" + tag + "%' AND age >= 1")).isEqualTo(ROWS);
        List<String> updates = counting.statements().stream().filter(s -> s.startsWith("UPDATE")).toList();
        assertThat(updates).allMatch(s -> binds(s) <= limit);
        if (engine == Engine.SQLITE || engine == Engine.MARIADB) {
            assertThat(updates).hasSizeGreaterThan(1);    // split at the bind limit, not at the batch size
        }
        if (engine == Engine.POSTGRESQL) {
            assertThat(updates).hasSize(1);               // one array per column: no limit to hit
        }

        List<Map<String, Object>> upserts = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            upserts.add(user(tag + "u" + i, tag + i + "@x.test", -i));
        }
        counting.reset();
        int upserted = repo.bulk().upsertBulk(User.class, List.of("email", "name", "age"), upserts, List.of("email"), huge);
        assertThat(upserted).isEqualTo(engine == Engine.MARIADB ? 2 * ROWS : ROWS);
        assertThat(count(db, "email LIKE '" + tag + "%' AND age <= 0")).isEqualTo(ROWS);
        assertThat(counting.statements()).allMatch(s -> binds(s) <= limit);

        counting.reset();
        assertThat(repo.bulk().deleteBulk(Person.class, ids, huge)).isEqualTo(ROWS);
        assertThat(count(db, "email LIKE '" + tag + "%'")).isZero();
        List<String> deletes = counting.statements().stream().filter(s -> s.startsWith("DELETE")).toList();
        assertThat(deletes).allMatch(s -> binds(s) <= limit);
        assertThat(deletes).hasSize(engine == Engine.SQLITE ? 3 : engine == Engine.MARIADB ? 2 : 1);
    }

    @EngineTest
    void arrayDeletesTakeTheDialectsRowsPerStatementUnlessABatchSizeIsGiven(TestDatabase db) throws SQLException {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        ModelRepository repo = repo(counting, T0);
        int rows = 12_000;
        var shape = repo.dialect().bulk().delete("users", repo.registry().table(Person.class).primaryKey().get(0), rows);
        boolean arrays = shape.slots().contains(dev.modelrepo.dialect.BulkSupport.Slot.ARRAYS);
        for (BulkOptions options : List.of(BulkOptions.defaults(), BulkOptions.defaults().batchSize(4_000))) {
            String tag = tag();
            List<Map<String, Object>> users = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                users.add(user(tag + i, tag + i + "@x.test", i));
            }
            repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), users);
            List<Map<String, Object>> ids = new ArrayList<>(rows);
            repo.sql("SELECT id FROM users WHERE email LIKE :tag").list(Map.of("tag", tag + "%")).forEach(r -> ids.add(Map.of("id", r.get("id"))));
            counting.reset();
            assertThat(repo.bulk().deleteBulk(Person.class, ids, options)).isEqualTo(rows);
            long deletes = counting.statements().stream().filter(s -> s.startsWith("DELETE")).count();
            // PostgreSQL: 100,000 keys per = ANY(?), so the 12,000 rows take one statement (10,000 before)
            int perStatement = options.batchSizeGiven() ? 4_000 : arrays ? repo.dialect().bulk().arrayDeleteRows() : BulkOptions.DEFAULT_BATCH_SIZE;
            // a JDBC batch (H2) is prepared once whatever its chunks
            long expected = shape.batched() ? 1 : (rows + perStatement - 1) / perStatement;
            assertThat(deletes).as("DELETE statements with %s (array shape: %s)", options, arrays).isEqualTo(expected);
            if (db.engine() == Engine.POSTGRESQL && !options.batchSizeGiven()) {
                assertThat(deletes).isEqualTo(1);
            }
            assertThat(count(db, "email LIKE '" + tag + "%'")).isZero();
        }
    }

    /**
     * Multi-row INSERTs (SQLite, MySQL) prepare one statement per chunk size, not per chunk: 2,500 rows in chunks of
     * 1,000 are two statements run three times. A duplicate in the last chunk is named by its element, and the chunks
     * before it are rolled back with it.
     */
    @EngineTest(engines = { Engine.SQLITE, Engine.MYSQL })
    void multiRowInsertsPrepareOneStatementPerChunkSizeAndNameALaterChunksFailingRow(TestDatabase db) throws SQLException {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        ModelRepository repo = repo(counting, T0);
        BulkOptions thousand = BulkOptions.defaults().batchSize(1_000);
        String tag = tag();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(user(tag + i, tag + i + "@x.test", i));
        }
        counting.reset();
        assertThat(repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), rows, thousand)).isEqualTo(2_500);
        assertThat(counting.statements().stream().filter(s -> s.startsWith("INSERT")).map(BulkChunkingTests::binds))
                .containsExactly(1_000L * 5, 500L * 5);
        assertThat(counting.executions().stream().filter(s -> s.startsWith("INSERT")).map(BulkChunkingTests::binds))
                .containsExactly(1_000L * 5, 1_000L * 5, 500L * 5);
        assertThat(count(db, "email LIKE '" + tag + "%'")).isEqualTo(2_500);

        String again = tag();
        List<Map<String, Object>> failing = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            failing.add(user(again + i, i == 2_100 ? again + 5 + "@x.test" : again + i + "@x.test", i));
        }
        assertThatThrownBy(() -> repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), failing, thousand))
                .isInstanceOfSatisfying(BulkOperationException.class, ex -> {
                    assertThat(ex.index()).as(ex.getMessage()).isEqualTo(2_100);
                    assertThat(ex.getMessage()).contains("failed at element 2100 (the failed statement covered elements 2000..2499)");
                });
        assertThat(count(db, "email LIKE '" + again + "%'")).isZero();
    }

    /** A table with a long text column. */
    @Table(name = "notes")
    public static class Note extends Model {
    }

    @EngineTest(engines = Engine.MARIADB)
    void multiRowStatementsStayBelowMaxAllowedPacket(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id BIGINT AUTO_INCREMENT PRIMARY KEY, body MEDIUMTEXT NOT NULL)");
        }
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        ModelRepository repo = repo(counting, T0);
        long packet = ((Number) scalar(db, "SELECT @@max_allowed_packet")).longValue();
        String body = "é'\\".repeat(3_000);          // 9,000 characters, 12,000 bytes in UTF-8 before escaping
        int rows = (int) (3 * packet / 12_000);       // three packets' worth
        List<Map<String, Object>> notes = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            notes.add(Map.of("id", (long) i + 1, "body", body));
        }
        counting.reset();
        // MariaDB inserts through the driver's batch, which splits packets itself; upserts are multi-row statements
        assertThat(repo.bulk().upsertBulk(Note.class, List.of("id", "body"), notes, List.of("id"), BulkOptions.defaults().batchSize(1_000_000)))
                .isEqualTo(rows);
        // chunks of one size share one prepared statement: count its executions
        assertThat(counting.executions().stream().filter(s -> s.startsWith("INSERT")).count()).isGreaterThanOrEqualTo(4);
        assertThat(((Number) scalar(db, "SELECT COUNT(*) FROM notes WHERE body = '" + body.replace("\\", "\\\\").replace("'", "''") + "'"))
                .longValue()).isEqualTo(rows);
    }

    @EngineTest(engines = Engine.MARIADB)
    void mariaDbBatchesTenThousandInsertsUnlessABatchSizeIsGiven(TestDatabase db) {
        ModelRepository repo = repo(db);
        for (BulkOptions options : List.of(BulkOptions.defaults(), BulkOptions.defaults().batchSize(4_000))) {
            String tag = tag();
            List<Map<String, Object>> users = new ArrayList<>();
            for (int i = 0; i < 25_000; i++) {
                users.add(user(tag + i, tag + i + "@x.test", i));
            }
            List<Long> done = java.util.Collections.synchronizedList(new ArrayList<>());
            assertThat(repo.bulk().insertBulk(User.class, List.of("name", "email", "age"), users, options.progress(p -> done.add(p.done()))))
                    .isEqualTo(25_000);
            // progress is told after each JDBC batch
            assertThat(done.stream().distinct().toList()).as(options.toString()).isEqualTo(options.batchSizeGiven()
                    ? List.of(4_000L, 8_000L, 12_000L, 16_000L, 20_000L, 24_000L, 25_000L) : List.of(10_000L, 20_000L, 25_000L));
        }
    }

    /** A table with a long text column and keys given by the caller. */
    @Table(name = "batch_notes")
    public static class BatchNote extends Model {
    }

    @EngineTest(engines = Engine.MARIADB)
    void aFailedBatchOfMorePacketsThanOneNamesItsFailingRow(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS batch_notes (id BIGINT PRIMARY KEY, body MEDIUMTEXT NOT NULL)");
            s.execute("DELETE FROM batch_notes");
        }
        ModelRepository repo = repo(db);
        long packet = ((Number) scalar(db, "SELECT @@max_allowed_packet")).longValue();
        String body = "é'\\".repeat(3_000);
        int rows = (int) (3 * Math.min(packet, 1 << 24) / 12_000);   // three packets' worth
        List<Map<String, Object>> notes = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            notes.add(Map.of("id", (long) i + 1, "body", body));
        }
        notes.set(rows - 1, Map.of("id", 1L, "body", body));         // the last row repeats the first one's key
        // had the driver split the batch, its first packets would stay written and replaying them would blame row 0
        assertThatThrownBy(() -> repo.bulk().insertBulk(BatchNote.class, List.of("id", "body"), notes, BulkOptions.defaults().batchSize(1_000_000)))
                .isInstanceOfSatisfying(BulkOperationException.class, ex -> assertThat(ex.index()).as(ex.getMessage()).isEqualTo(rows - 1));
        assertThat(((Number) scalar(db, "SELECT COUNT(*) FROM batch_notes")).longValue()).isZero();
    }
}

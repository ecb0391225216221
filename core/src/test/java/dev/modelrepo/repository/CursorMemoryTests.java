package dev.modelrepo.repository;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Streams 1,000,000 rows per engine in a JVM limited to 64 MB of heap (its own Surefire execution), checking
 * the count and a checksum: buffering the result would need several times that heap.
 */
class CursorMemoryTests {

    static final long ROWS = 1_000_000;

    /** The streamed table. */
    @Table(name = "big_rows")
    public static class BigRow extends Model {
    }

    private static String generate(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> "INSERT INTO big_rows SELECT g, 'row-' || g, g % 1000 FROM generate_series(1, " + ROWS + ") g";
            case MARIADB -> "INSERT INTO big_rows SELECT seq, CONCAT('row-', seq), seq % 1000 FROM seq_1_to_" + ROWS;
            case MYSQL -> "INSERT INTO big_rows WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " + ROWS
                    + ") SELECT x, CONCAT('row-', x), x % 1000 FROM c";
            case SQLITE -> "INSERT INTO big_rows WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < " + ROWS
                    + ") SELECT x, 'row-' || x, x % 1000 FROM c";
            case H2 -> "INSERT INTO big_rows SELECT X, CONCAT('row-', X), MOD(X, 1000) FROM SYSTEM_RANGE(1, " + ROWS + ")";
        };
    }

    private static void fill(DataSource dataSource, Engine engine) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE big_rows (id BIGINT PRIMARY KEY, name VARCHAR(40) NOT NULL, amount INTEGER NOT NULL)");
            if (engine == Engine.MYSQL) {
                s.execute("SET SESSION cte_max_recursion_depth = " + (ROWS + 1));
            }
            s.execute(generate(engine));
        }
    }

    private static void streamAndCheck(DataSource dataSource, String engine) {
        ModelRepository repo = ModelRepository.create(dataSource);
        long count = 0;
        long idSum = 0;
        long amountSum = 0;
        long start = System.nanoTime();
        try (Stream<BigRow> rows = repo.stream(ModelQuery.from(BigRow.class, "b").where(gt("b.id", 0)), Map.of(), 1000)) {
            for (BigRow row : (Iterable<BigRow>) rows::iterator) {
                count++;
                idSum += row.get("id", Long.class);
                amountSum += row.get("amount", Integer.class);
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(count).isEqualTo(ROWS);
        assertThat(idSum).isEqualTo(ROWS * (ROWS + 1) / 2);
        long expectedAmount = 0;
        for (long i = 1; i <= ROWS; i++) {
            expectedAmount += i % 1000;
        }
        assertThat(amountSum).isEqualTo(expectedAmount);
        System.out.printf("cursor [%s]: %,d rows in %,d ms, max heap %d MB, old generation peak %d MB%n", engine, count, millis,
                Runtime.getRuntime().maxMemory() >> 20, oldGenerationPeak() >> 20);
    }

    /** What survived young collections at its highest: what the stream retains, plus the test's fixtures. */
    private static long oldGenerationPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getPeakUsage() != null) {
                peak = Math.max(peak, pool.getPeakUsage().getUsed());
            }
        }
        return peak;
    }

    /** The streamed rows again, each in the bucket its amount names. */
    @Table(name = "big_rows")
    @BelongsTo(model = Bucket.class, as = "bucket", key = "amount")
    public static class BucketedRow extends Model {
    }

    /** One of 1,000 buckets. */
    @Table(name = "buckets")
    public static class Bucket extends Model {
    }

    /** A stream with {@code include(...)} loads its relations per chunk of rows and holds one chunk at a time. */
    @Nested
    class WithIncludes {

        @EngineTest(engines = { Engine.SQLITE, Engine.POSTGRESQL, Engine.MARIADB, Engine.MYSQL })
        void aMillionRowsStreamWithTheirIncludesInConstantMemory(TestDatabase db) throws SQLException {
            fill(db.dataSource(), db.engine());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE buckets (id INTEGER PRIMARY KEY, label VARCHAR(20) NOT NULL)");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO buckets (id, label) VALUES (?, ?)")) {
                    for (int i = 0; i < 1000; i++) {
                        ps.setInt(1, i);
                        ps.setString(2, "bucket-" + i);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            ModelRepository repo = ModelRepository.create(db.dataSource());
            long count = 0;
            long bucketSum = 0;
            var q = ModelQuery.from(BucketedRow.class, "b").where(gt("b.id", 0)).include("bucket");
            try (Stream<BucketedRow> rows = repo.stream(q, Map.of(), 1000)) {
                for (BucketedRow row : (Iterable<BucketedRow>) rows::iterator) {
                    Bucket bucket = row.related("bucket");
                    assertThat(bucket.get("label", String.class)).isEqualTo("bucket-" + row.get("amount", Integer.class));
                    count++;
                    bucketSum += bucket.get("id", Integer.class);
                }
            }
            assertThat(count).isEqualTo(ROWS);
            assertThat(bucketSum).isEqualTo(ROWS / 1000 * (999L * 1000 / 2));
        }
    }

    @Test
    void theHeapOfThisJvmIsTooSmallToBufferTheRows() {
        assertThat(Runtime.getRuntime().maxMemory()).isLessThanOrEqualTo(80L << 20);
    }

    @EngineTest(engines = { Engine.SQLITE, Engine.POSTGRESQL, Engine.MARIADB, Engine.MYSQL })
    void aMillionRowsStreamInConstantMemory(TestDatabase db) throws SQLException {
        fill(db.dataSource(), db.engine());
        streamAndCheck(db.dataSource(), db.engine().displayName());
    }

    /** H2 streams only from a file database with lazy query execution (an in-memory one lives in this heap). */
    @Test
    void aMillionRowsStreamFromAnH2FileDatabase() throws Exception {
        Path dir = Files.createTempDirectory("modelrepo-h2-cursor");
        var h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("big") + ";LAZY_QUERY_EXECUTION=1");
        try {
            fill(h2, Engine.H2);
            streamAndCheck(h2, "h2");
        }
        finally {
            try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}

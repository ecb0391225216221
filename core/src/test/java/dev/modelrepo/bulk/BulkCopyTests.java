package dev.modelrepo.bulk;

import static dev.modelrepo.bulk.BulkFixtures.*;
import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;

/**
 * PostgreSQL's text encodings round-trip every kind of value: COPY's (NULL as \N, backslash, tab, newline and
 * carriage return escaped, bytea as \\x hex), and the array literals of the unnest fallback and of updateBulk.
 */
class BulkCopyTests {

    /** One column of every kind PostgreSQL has. */
    @Table(name = "kinds")
    public static class Kinds extends Model {
    }

    private static final List<String> TEXTS = List.of("", "plain", "back\\slash", "tab\there", "new\nline", "carriage\rreturn",
            "\\N", "\\\\N", "all\t\n\r\\ of them", "日本語 🎉 é ß", "quotes \" and ' and , {braces} NULL", "\u0001\u0002 control",
            "trailing\\", "x".repeat(5_000));

    private static final List<String> COLUMNS = List.of("txt", "vc", "n", "big", "dec", "dbl", "flag", "d", "t", "ts", "tstz", "bytes",
            "u", "doc", "tags", "scores", "mood");

    private static ModelRepository setUp(TestDatabase db, DataSource dataSource, TestObservationRegistry observations) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS kinds");
            s.execute("DROP TYPE IF EXISTS mood");
            s.execute("CREATE TYPE mood AS ENUM ('happy', 'sad', 'it''s complicated')");
            s.execute("CREATE TABLE kinds (id BIGSERIAL PRIMARY KEY, txt TEXT, vc VARCHAR(6000), n INTEGER, big BIGINT, dec NUMERIC(20,6),"
                    + " dbl DOUBLE PRECISION, flag BOOLEAN, d DATE, t TIME(6), ts TIMESTAMP(6), tstz TIMESTAMPTZ(6), bytes BYTEA, u UUID,"
                    + " doc JSONB, tags TEXT[], scores INTEGER[], mood mood)");
        }
        return ModelRepository.builder(dataSource).observationRegistry(observations).build();
    }

    /** Row i: a tricky text, numbers at their limits, temporal values, bytes of every troublesome kind, or all NULL. */
    private static Map<String, Object> row(int i) {
        Map<String, Object> row = new LinkedHashMap<>();
        if (i == TEXTS.size()) {
            COLUMNS.forEach(c -> row.put(c, null));
            return row;
        }
        String text = TEXTS.get(i);
        row.put("txt", text);
        row.put("vc", text);
        row.put("n", i % 2 == 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE);
        row.put("big", i % 2 == 0 ? Long.MIN_VALUE + 1 : Long.MAX_VALUE);
        row.put("dec", new BigDecimal("-12345678901234.123456").add(BigDecimal.valueOf(i)));
        row.put("dbl", i == 1 ? Double.NaN : i == 2 ? Double.NEGATIVE_INFINITY : 1.0e300 / (i + 1));
        row.put("flag", i % 2 == 0);
        row.put("d", LocalDate.of(2024, 2, 29).plusDays(i));
        row.put("t", LocalTime.of(23, 59, 59, 999_999_000).minusSeconds(i));
        row.put("ts", LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000).plusMinutes(i));
        row.put("tstz", OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 654_321_000, ZoneOffset.UTC).plusHours(i));
        row.put("bytes", new byte[] { 0, 92, 9, 10, 13, -1, 78, (byte) i });
        row.put("u", UUID.nameUUIDFromBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        row.put("doc", "{\"text\": \"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t").replace("\u0001", "\\u0001").replace("\u0002", "\\u0002") + "\", \"i\": " + i + "}");
        row.put("tags", new String[] { text, "b c", null, "{x}" });
        row.put("scores", new Integer[] { i, -i, null });
        row.put("mood", i % 3 == 0 ? "happy" : i % 3 == 1 ? "sad" : "it's complicated");
        return row;
    }

    private static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i <= TEXTS.size(); i++) {
            rows.add(row(i));
        }
        return rows;
    }

    private static void assertStored(ModelRepository repo, List<Map<String, Object>> rows) {
        List<Kinds> stored = repo.list(ModelQuery.from(Kinds.class, "k").orderBy(asc("k.id")), Map.of());
        assertThat(stored).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Kinds k = stored.get(i);
            for (Map.Entry<String, Object> e : rows.get(i).entrySet()) {
                Object actual = k.get(e.getKey());
                Object expected = e.getValue();
                String what = "row " + i + " column " + e.getKey();
                if (expected instanceof Object[] array) {
                    assertThat((Object[]) actual).as(what).containsExactly(array);
                }
                else if (expected instanceof BigDecimal d) {
                    assertThat((BigDecimal) actual).as(what).isEqualByComparingTo(d);
                }
                else if (e.getKey().equals("doc") && expected != null) {
                    assertThat(actual).as(what).isNotNull();
                    assertThat(repo.sql("SELECT doc = CAST(:d AS jsonb) AS same FROM kinds WHERE id = :id")
                            .list(Map.of("d", expected, "id", k.id())).get(0).get("same")).as(what).isEqualTo(true);
                }
                else {
                    assertThat(actual).as(what).isEqualTo(expected);
                }
            }
        }
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void copyRoundTripsEveryKindAndEveryEscape(TestDatabase db) throws SQLException {
        TestObservationRegistry observations = TestObservationRegistry.create();
        ModelRepository repo = setUp(db, db.dataSource(), observations);
        List<Map<String, Object>> rows = rows();
        assertThat(repo.bulk().insertBulk(Kinds.class, COLUMNS, rows)).isEqualTo(rows.size());
        TestObservationRegistryAssert.assertThat(observations).hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "insert-bulk")
                .hasLowCardinalityKeyValue("model", "kinds").hasHighCardinalityKeyValue("db.query.text", "COPY \"kinds\" FROM STDIN"));
        assertStored(repo, rows);
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void withoutPgjdbcsConnectionInsertsGoThroughTypedUnnestArrays(TestDatabase db) throws SQLException {
        CountingDataSource counting = new CountingDataSource(new NotUnwrapping(db.dataSource()));
        ModelRepository repo = setUp(db, counting, TestObservationRegistry.create());
        List<Map<String, Object>> rows = rows();
        counting.reset();
        assertThat(repo.bulk().insertBulk(Kinds.class, COLUMNS, rows)).isEqualTo(rows.size());
        assertThat(counting.statements()).singleElement().asString().startsWith("INSERT INTO \"kinds\"")
                .contains("FROM unnest(?::text[], ?::text[], ?::int4[]").contains("?::mood[]").contains("v.\"tags\"::_text");
        assertStored(repo, rows);
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void updateBulkAndUpsertRoundTripEveryKindThroughArrays(TestDatabase db) throws SQLException {
        ModelRepository repo = setUp(db, db.dataSource(), TestObservationRegistry.create());
        List<Map<String, Object>> rows = rows();
        List<Map<String, Object>> blanks = new ArrayList<>();
        rows.forEach(r -> blanks.add(Map.of("txt", "blank")));
        repo.bulk().insertBulk(Kinds.class, List.of("txt"), blanks);
        List<Kinds> stored = repo.list(ModelQuery.from(Kinds.class, "k").orderBy(asc("k.id")), Map.of());
        List<Map<String, Object>> updates = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> update = new LinkedHashMap<>(rows.get(i));
            update.put("id", stored.get(i).id());
            updates.add(update);
        }
        assertThat(repo.bulk().updateBulk(Kinds.class, COLUMNS, updates)).isEqualTo(rows.size());
        assertStored(repo, rows);
        List<Map<String, Object>> again = new ArrayList<>();
        for (Map<String, Object> update : updates) {
            Map<String, Object> upsert = new LinkedHashMap<>(update);
            upsert.put("txt", "upserted");
            again.add(upsert);
        }
        assertThat(repo.bulk().upsertBulk(Kinds.class, new ArrayList<>(again.get(0).keySet()), again, List.of("id"))).isEqualTo(rows.size());
        assertThat(repo.count(ModelQuery.from(Kinds.class, "k").where(eq("k.txt", "upserted")), Map.of())).isEqualTo(rows.size());
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void insertAllOnPostgresAllocatesKeysFromTheSequenceAndMatchesRowsByKey(TestDatabase db) throws SQLException {
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        ModelRepository repo = setUp(db, counting, TestObservationRegistry.create());
        List<Map<String, Object>> rows = rows();
        List<Kinds> models = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Kinds k = repo.build(Kinds.class, Map.of());
            row.forEach(k::set);
            models.add(k);
        }
        counting.reset();
        repo.bulk().insertAll(models);
        assertThat(counting.statements()).hasSize(2);
        assertThat(counting.statements().get(0)).startsWith("SELECT nextval(pg_get_serial_sequence(");
        assertThat(counting.statements().get(1)).startsWith("INSERT INTO \"kinds\"").contains("OVERRIDING SYSTEM VALUE").contains("RETURNING");
        for (int i = 0; i < models.size(); i++) {
            Kinds fresh = repo.findById(Kinds.class, models.get(i).id()).orElseThrow();
            assertThat(fresh.<Object>get("txt")).isEqualTo(rows.get(i).get("txt"));
            assertThat((byte[]) models.get(i).get("bytes")).isEqualTo((byte[]) fresh.get("bytes"));
        }
    }

    /** Connections that do not unwrap to the driver's own classes, as some pools and proxies do. */
    static final class NotUnwrapping extends DelegatingDataSource {

        NotUnwrapping(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection target = super.getConnection();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                    (proxy, method, args) -> {
                        if (method.getName().equals("isWrapperFor")) {
                            return false;
                        }
                        if (method.getName().equals("unwrap")) {
                            throw new SQLException("not a wrapper");
                        }
                        try {
                            return method.invoke(target, args);
                        }
                        catch (InvocationTargetException ex) {
                            throw ex.getCause();
                        }
                    });
        }
    }

    /** A table whose key has a default but no sequence. */
    @Table(name = "tokens")
    public static class Token extends Model {
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void insertAllWithoutASequenceUsesGeneratedKeysOfABatchAndReadsTheRowsBack(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tokens (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), label TEXT NOT NULL,"
                    + " issued TIMESTAMP(6) DEFAULT now())");
        }
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.create(counting);
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            tokens.add(repo.build(Token.class, Map.of("label", "token " + i)));
        }
        counting.reset();
        repo.bulk().insertAll(tokens, BulkOptions.defaults().batchSize(10));
        assertThat(counting.statements().stream().filter(s -> s.startsWith("SELECT nextval"))).hasSize(1);
        assertThat(counting.statements().stream().filter(s -> s.startsWith("INSERT"))).hasSize(3);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            assertThat(t.id()).isInstanceOf(UUID.class);
            assertThat(t.<Object>get("issued")).isNotNull();
            assertThat(repo.findById(Token.class, t.id()).orElseThrow().toMap()).isEqualTo(t.toMap());
            assertThat(t.<Object>get("label")).isEqualTo("token " + i);
        }
    }
}

package dev.modelrepo.bulk;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;

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

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** Values of every portable kind written by insertBulk, updateBulk and insertAll read back equal on every engine. */
class BulkTypesTests {

    /** The bulk type matrix. */
    @Table(name = "bulk_matrix")
    public static class Row extends Model {
    }

    private static String ddl(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> "CREATE TABLE bulk_matrix (id BIGSERIAL PRIMARY KEY, i INTEGER, b BIGINT, d DECIMAL(20,6), f DOUBLE PRECISION,"
                    + " flag BOOLEAN, s VARCHAR(100), dt DATE, tm TIME(6), ts TIMESTAMP(6), tz TIMESTAMP(6) WITH TIME ZONE, bin BYTEA,"
                    + " u UUID, j JSON)";
            case H2 -> "CREATE TABLE bulk_matrix (id BIGINT AUTO_INCREMENT PRIMARY KEY, i INTEGER, b BIGINT, d DECIMAL(20,6),"
                    + " f DOUBLE PRECISION, flag BOOLEAN, s VARCHAR(100), dt DATE, tm TIME(6), ts TIMESTAMP(6),"
                    + " tz TIMESTAMP(6) WITH TIME ZONE, bin VARBINARY(100), u UUID, j JSON)";
            case SQLITE -> "CREATE TABLE bulk_matrix (id INTEGER PRIMARY KEY AUTOINCREMENT, i INTEGER, b BIGINT, d DECIMAL(20,6),"
                    + " f DOUBLE PRECISION, flag BOOLEAN, s VARCHAR(100), dt DATE, tm TIME, ts TIMESTAMP, tz TIMESTAMP WITH TIME ZONE,"
                    + " bin BLOB, u UUID, j JSON)";
            case MARIADB, MYSQL -> "CREATE TABLE bulk_matrix (id BIGINT AUTO_INCREMENT PRIMARY KEY, i INTEGER, b BIGINT, d DECIMAL(20,6),"
                    + " f DOUBLE, flag BOOLEAN, s VARCHAR(100), dt DATE, tm TIME(6), ts DATETIME(6), bin VARBINARY(100), u "
                    + (engine == Engine.MARIADB ? "UUID" : "CHAR(36)") + ", j JSON)";
        };
    }

    private static Map<String, Object> values(Engine engine, int n) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("i", Integer.MIN_VALUE + n);
        v.put("b", Long.MAX_VALUE - n);
        v.put("d", new BigDecimal("1234567.125000").add(BigDecimal.valueOf(n)));
        v.put("f", 0.1 + n);
        v.put("flag", n % 2 == 0);
        v.put("s", "héllo 'q' \"dq\" \\ 日本 %_\t" + n);
        v.put("dt", LocalDate.of(2024, 2, 29).plusDays(n));
        v.put("tm", LocalTime.of(13, 45, 30, 123_456_000).plusMinutes(n));
        v.put("ts", LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000).plusHours(n));
        if (engine != Engine.MARIADB && engine != Engine.MYSQL) {
            v.put("tz", OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000, ZoneOffset.UTC).plusDays(n));
        }
        v.put("bin", new byte[] { 0, 1, -1, 127, -128, 10, 9, 92, (byte) n });
        v.put("u", UUID.nameUUIDFromBytes(new byte[] { (byte) n }));
        v.put("j", "{\"a\":" + n + "}");
        v.put("i", n == 2 ? null : v.get("i"));
        return v;
    }

    private static void assertRows(ModelRepository repo, Engine engine, int offset) {
        List<Row> rows = repo.list(ModelQuery.from(Row.class, "r").orderBy(asc("r.id")), Map.of());
        assertThat(rows).hasSize(4);
        for (int n = 0; n < rows.size(); n++) {
            Map<String, Object> expected = values(engine, n + offset);
            for (var e : expected.entrySet()) {
                Object actual = rows.get(n).get(e.getKey());
                String what = engine + " row " + n + " " + e.getKey();
                if (e.getValue() instanceof byte[] bytes) {
                    assertThat((byte[]) actual).as(what).isEqualTo(bytes);
                }
                else if (e.getKey().equals("j")) {
                    assertThat(((String) actual).replace(" ", "")).as(what).isEqualTo(e.getValue());
                }
                else {
                    assertThat(actual).as(what).isEqualTo(e.getValue());
                }
            }
        }
    }

    @EngineTest
    void everyKindRoundTripsThroughInsertBulkUpdateBulkAndInsertAll(TestDatabase db, Engine engine) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bulk_matrix");
            s.execute(ddl(engine));
        }
        ModelRepository repo = ModelRepository.create(db.dataSource());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            rows.add(values(engine, n));
        }
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        assertThat(repo.bulk().insertBulk(Row.class, columns, rows)).isEqualTo(4);
        assertRows(repo, engine, 0);

        List<Row> stored = repo.list(ModelQuery.from(Row.class, "r").orderBy(asc("r.id")), Map.of());
        List<Map<String, Object>> updates = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            Map<String, Object> update = new LinkedHashMap<>(values(engine, n + 10));
            update.put("id", stored.get(n).id());
            updates.add(update);
        }
        assertThat(repo.bulk().updateBulk(Row.class, columns, updates)).isEqualTo(4);
        assertRows(repo, engine, 10);

        repo.sql("DELETE FROM bulk_matrix").update(Map.of());
        List<Row> models = new ArrayList<>();
        for (int n = 0; n < 4; n++) {
            models.add(repo.build(Row.class, values(engine, n + 20)));
        }
        repo.bulk().insertAll(models);
        assertRows(repo, engine, 20);
        for (Row model : models) {
            Map<String, Object> written = new LinkedHashMap<>(model.toMap());
            Map<String, Object> fresh = new LinkedHashMap<>(repo.findById(Row.class, model.id()).orElseThrow().toMap());
            assertThat((byte[]) written.remove("bin")).isEqualTo((byte[]) fresh.remove("bin"));
            assertThat(written).isEqualTo(fresh);
        }
    }
}

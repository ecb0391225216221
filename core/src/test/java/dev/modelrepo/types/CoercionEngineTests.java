package dev.modelrepo.types;

import static dev.modelrepo.query.Q.and;
import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.ge;
import static dev.modelrepo.query.Q.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.modelrepo.bulk.TypeMismatchException;
import dev.modelrepo.dialect.DialectResolver;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.error.ParameterTypeException;
import dev.modelrepo.repository.ModelNotFoundException;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Text as JSON bodies and forms carry it, given to build, set, bulk rows and parameters, is stored as the column's
 * type and reads back equal on every engine.
 */
class CoercionEngineTests {

    /** The coercion table. */
    @Table(name = "coerce_rows")
    public static class Row extends Model {
    }

    private static String ddl(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> "CREATE TABLE coerce_rows (id BIGSERIAL PRIMARY KEY, i INTEGER, b BIGINT, d DECIMAL(10,2),"
                    + " flag BOOLEAN, dt DATE, tm TIME, ts TIMESTAMP, tz TIMESTAMP WITH TIME ZONE)";
            case H2 -> "CREATE TABLE coerce_rows (id BIGINT AUTO_INCREMENT PRIMARY KEY, i INTEGER, b BIGINT, d DECIMAL(10,2),"
                    + " flag BOOLEAN, dt DATE, tm TIME, ts TIMESTAMP, tz TIMESTAMP WITH TIME ZONE)";
            case SQLITE -> "CREATE TABLE coerce_rows (id INTEGER PRIMARY KEY AUTOINCREMENT, i INTEGER, b BIGINT, d DECIMAL(10,2),"
                    + " flag BOOLEAN, dt DATE, tm TIME, ts TIMESTAMP, tz TIMESTAMP WITH TIME ZONE)";
            case MARIADB, MYSQL -> "CREATE TABLE coerce_rows (id BIGINT AUTO_INCREMENT PRIMARY KEY, i INTEGER, b BIGINT,"
                    + " d DECIMAL(10,2), flag BOOLEAN, dt DATE, tm TIME, ts DATETIME)";
        };
    }

    private static boolean hasOffsetColumn(Engine engine) {
        return engine != Engine.MARIADB && engine != Engine.MYSQL;
    }

    /** A JSON body's values: every one text but the flag, a JSON number 1. */
    private static Map<String, Object> asText(Engine engine) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("i", "42");
        v.put("b", "3000000000");
        v.put("d", "12.50");
        v.put("flag", 1);
        v.put("dt", "1974-05-01");
        v.put("tm", "10:15:30");
        v.put("ts", "2024-05-01T10:00:00+02:00");
        if (hasOffsetColumn(engine)) {
            v.put("tz", "2024-05-01T10:00:00");
        }
        return v;
    }

    private static void assertStored(Row row, Engine engine) {
        assertThat(row.<Object>get("i")).isEqualTo(42);
        assertThat(row.<Object>get("b")).isEqualTo(3_000_000_000L);
        assertThat((BigDecimal) row.get("d")).isEqualByComparingTo("12.50");
        assertThat(row.<Object>get("flag")).isEqualTo(true);
        assertThat(row.<Object>get("dt")).isEqualTo(LocalDate.of(1974, 5, 1));
        assertThat(row.<Object>get("tm")).isEqualTo(LocalTime.of(10, 15, 30));
        assertThat(row.<Object>get("ts")).isEqualTo(LocalDateTime.of(2024, 5, 1, 8, 0));
        if (hasOffsetColumn(engine)) {
            assertThat(row.<Object>get("tz")).isEqualTo(OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC));
        }
    }

    private static ModelRepository setUp(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS coerce_rows");
            s.execute(ddl(db.engine()));
        }
        return ModelRepository.create(db.dataSource());
    }

    @EngineTest
    void buildAndSetTakeTextAndStoreTheColumnsType(TestDatabase db) throws SQLException {
        ModelRepository repo = setUp(db);
        Row built = repo.build(Row.class, asText(db.engine()));
        assertThat(built.<Object>get("dt")).isEqualTo(LocalDate.of(1974, 5, 1));
        repo.saveOrThrow(built);
        assertStored(repo.getById(Row.class, built.id()), db.engine());

        Row plain = new Row();
        asText(db.engine()).forEach(plain::set);
        repo.saveOrThrow(plain);
        assertStored(repo.getById(Row.class, plain.id()), db.engine());

        Row loaded = repo.getById(Row.class, String.valueOf(built.id()));
        loaded.set("d", "99.95").set("dt", "2000-02-29").set("flag", "false");
        repo.saveOrThrow(loaded);
        Row fresh = repo.getById(Row.class, loaded.id());
        assertThat((BigDecimal) fresh.get("d")).isEqualByComparingTo("99.95");
        assertThat(fresh.<Object>get("dt")).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(fresh.<Object>get("flag")).isEqualTo(false);
    }

    @EngineTest
    void bulkRowsTakeText(TestDatabase db) throws SQLException {
        ModelRepository repo = setUp(db);
        Map<String, Object> row = asText(db.engine());
        assertThat(repo.bulk().insertBulk(Row.class, List.copyOf(row.keySet()), List.of(row, row))).isEqualTo(2);
        List<Row> rows = repo.list(ModelQuery.from(Row.class, "r"), Map.of());
        assertThat(rows).hasSize(2);
        rows.forEach(r -> assertStored(r, db.engine()));

        Map<String, Object> bad = new LinkedHashMap<>(row);
        bad.put("dt", "1974-13-01");
        assertThatThrownBy(() -> repo.bulk().insertBulk(Row.class, List.copyOf(bad.keySet()), List.of(row, bad)))
                .isInstanceOfSatisfying(TypeMismatchException.class, ex -> {
                    assertThat(ex.index()).isEqualTo(1);
                    assertThat(ex.getCause()).isInstanceOfSatisfying(ValueTypeException.class, cause -> {
                        assertThat(cause.model()).isEqualTo("Row");
                        assertThat(cause.column()).isEqualTo("dt");
                    });
                })
                .hasMessageContaining("element 1, column dt: \"1974-13-01\" is not a date (expected yyyy-MM-dd)");
    }

    @EngineTest
    void parametersTakeText(TestDatabase db) throws SQLException {
        ModelRepository repo = setUp(db);
        repo.saveOrThrow(repo.build(Row.class, asText(db.engine())));
        ModelQuery<Row> q = ModelQuery.from(Row.class, "r")
                .where(and(eq("r.dt", param("day")), ge("r.ts", param("since")), eq("r.flag", param("flag")), eq("r.i", param("i"))));
        Map<String, Object> params = Map.of("day", "1974-05-01", "since", "2024-05-01T09:30:00+02:00", "flag", "true", "i", "42");
        assertThat(repo.list(q, params)).hasSize(1);
        assertThat(repo.list(q.limit(param("limit")), Map.of("day", "1974-05-01", "since", "2024-05-01T07:00:00Z",
                "flag", "1", "i", 42L, "limit", "10"))).hasSize(1);
        assertThatThrownBy(() -> repo.list(q, Map.of("day", "1974-05-01", "since", "yesterday", "flag", true, "i", 1)))
                .isInstanceOf(ParameterTypeException.class)
                .hasMessageContaining("parameter 'since'").hasMessageContaining("\"yesterday\" is not a timestamp");
    }

    @EngineTest
    void impossibleValuesNameTheModelColumnValueAndExpectedType(TestDatabase db) throws SQLException {
        ModelRepository repo = setUp(db);
        Row row = repo.build(Row.class, Map.of());
        assertThatThrownBy(() -> row.set("dt", "1974-13-01")).isInstanceOf(ValueTypeException.class)
                .hasMessage("Row.dt: \"1974-13-01\" is not a date (expected yyyy-MM-dd)");
        assertThatThrownBy(() -> row.set("i", 3_000_000_000L)).hasMessage("Row.i: 3000000000 is out of range for INTEGER");
        assertThatThrownBy(() -> row.set("i", "12.5")).hasMessage("Row.i: \"12.5\" cannot be stored in INTEGER without loss");
        assertThatThrownBy(() -> repo.getById(Row.class, 987_654L)).isInstanceOfSatisfying(ModelNotFoundException.class, ex -> {
            assertThat(ex.model()).isEqualTo("Row");
            assertThat(ex.id()).isEqualTo(987_654L);
        }).hasMessage("No Row with id 987654");
    }

    @EngineTest(engines = Engine.H2)
    void aRegistryParsesWithTheConversionServiceItIsGiven(TestDatabase db) throws SQLException {
        setUp(db);
        // plain DefaultConversionService has no date formatters: ISO text is not a date for it
        var registry = new dev.modelrepo.model.ModelRegistry(db.dataSource(), DialectResolver.resolve(db.dataSource()),
                ValueCoercion.of(new org.springframework.core.convert.support.DefaultConversionService()));
        ModelRepository repo = ModelRepository.builder(db.dataSource()).registry(registry).build();
        assertThat(repo.build(Row.class, Map.of("i", "7")).<Object>get("i")).isEqualTo(7);
        assertThatThrownBy(() -> repo.build(Row.class, Map.of("dt", "1974-05-01"))).isInstanceOf(ValueTypeException.class);
        assertThat(ModelRepository.create(db.dataSource()).build(Row.class, Map.of("dt", "1974-05-01")).<Object>get("dt"))
                .isEqualTo(LocalDate.of(1974, 5, 1));
    }
}

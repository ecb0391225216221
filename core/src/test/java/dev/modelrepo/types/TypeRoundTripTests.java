package dev.modelrepo.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.springframework.jdbc.datasource.DataSourceUtils;

import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.schema.TableMetadata;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * The type matrix: each declared type written through modelrepo's binders and read back through its readers
 * on each engine gives the same Java type and an equal value. Where an engine cannot hold a value exactly the
 * test pins what happens (and the README says so).
 */
class TypeRoundTripTests {

    /** The matrix table. */
    @Table(name = "type_matrix")
    public static class TypeRow extends Model {
    }

    private static final String LONG_TEXT = "x".repeat(10_000) + " 日本語 'q' \"dq\" \\ end";

    /** Declared types per engine; MariaDB/MySQL have no TIMESTAMP WITH TIME ZONE type, so no tstz_col there. */
    private static String ddl(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> "CREATE TABLE type_matrix (id BIGINT PRIMARY KEY, int_col INTEGER, bigint_col BIGINT,"
                    + " dec_col DECIMAL(20,6), double_col DOUBLE PRECISION, bool_col BOOLEAN, varchar_col VARCHAR(100),"
                    + " text_col TEXT, date_col DATE, time_col TIME(6), ts_col TIMESTAMP(6), tstz_col TIMESTAMP(6) WITH TIME ZONE,"
                    + " bytes_col BYTEA, uuid_col UUID, json_col JSON)";
            case H2 -> "CREATE TABLE type_matrix (id BIGINT PRIMARY KEY, int_col INTEGER, bigint_col BIGINT,"
                    + " dec_col DECIMAL(20,6), double_col DOUBLE PRECISION, bool_col BOOLEAN, varchar_col VARCHAR(100),"
                    + " text_col CLOB, date_col DATE, time_col TIME(6), ts_col TIMESTAMP(6), tstz_col TIMESTAMP(6) WITH TIME ZONE,"
                    + " bytes_col VARBINARY(100), uuid_col UUID, json_col JSON)";
            case SQLITE -> "CREATE TABLE type_matrix (id BIGINT PRIMARY KEY, int_col INTEGER, bigint_col BIGINT,"
                    + " dec_col DECIMAL(20,6), double_col DOUBLE PRECISION, bool_col BOOLEAN, varchar_col VARCHAR(100),"
                    + " text_col TEXT, date_col DATE, time_col TIME, ts_col TIMESTAMP, tstz_col TIMESTAMP WITH TIME ZONE,"
                    + " bytes_col BLOB, uuid_col UUID, json_col JSON)";
            case MARIADB, MYSQL -> "CREATE TABLE type_matrix (id BIGINT PRIMARY KEY, int_col INTEGER, bigint_col BIGINT,"
                    + " dec_col DECIMAL(20,6), double_col DOUBLE, bool_col BOOLEAN, varchar_col VARCHAR(100),"
                    + " text_col TEXT, date_col DATE, time_col TIME(6), ts_col DATETIME(6),"
                    + " bytes_col VARBINARY(100), uuid_col " + (engine == Engine.MARIADB ? "UUID" : "CHAR(36)") + ", json_col JSON)";
        };
    }

    private static Map<String, Object> sample() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("int_col", Integer.MIN_VALUE);
        v.put("bigint_col", Long.MAX_VALUE);
        v.put("dec_col", new BigDecimal("12345678.123456"));
        v.put("double_col", 123456.789e-3);
        v.put("bool_col", true);
        v.put("varchar_col", "héllo 'quoted' \"dq\" \\ 日本 %_");
        v.put("text_col", LONG_TEXT);
        v.put("date_col", LocalDate.of(2024, 2, 29));
        v.put("time_col", LocalTime.of(13, 45, 30, 123_456_000));
        v.put("ts_col", LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000));
        v.put("tstz_col", OffsetDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000, ZoneOffset.ofHours(9)));
        v.put("bytes_col", new byte[] { 0, 1, -1, 127, -128, 10, 9, 92 });
        v.put("uuid_col", UUID.fromString("8f1c7a2e-4b3d-4e5f-9a6b-7c8d9e0f1a2b"));
        v.put("json_col", "{\"a\":1,\"b\":[true,null],\"c\":\"x\"}");
        return v;
    }

    private static final Map<String, ColumnKind> KINDS = Map.ofEntries(Map.entry("int_col", ColumnKind.INTEGER),
            Map.entry("bigint_col", ColumnKind.BIGINT), Map.entry("dec_col", ColumnKind.DECIMAL),
            Map.entry("double_col", ColumnKind.DOUBLE), Map.entry("bool_col", ColumnKind.BOOLEAN),
            Map.entry("varchar_col", ColumnKind.STRING), Map.entry("text_col", ColumnKind.STRING),
            Map.entry("date_col", ColumnKind.DATE), Map.entry("time_col", ColumnKind.TIME),
            Map.entry("ts_col", ColumnKind.TIMESTAMP), Map.entry("tstz_col", ColumnKind.TIMESTAMP_TZ),
            Map.entry("bytes_col", ColumnKind.BYTES), Map.entry("uuid_col", ColumnKind.UUID), Map.entry("json_col", ColumnKind.JSON));

    /** The matrix columns the engine's table has: every one but tstz_col on MariaDB and MySQL. */
    private static List<String> matrixColumns(Engine engine) {
        return sample().keySet().stream()
                .filter(c -> !(c.equals("tstz_col") && (engine == Engine.MARIADB || engine == Engine.MYSQL))).toList();
    }

    /** The column, which must exist: a column missing from the matrix fails the test instead of skipping it. */
    private static ColumnMetadata column(TableMetadata table, String name) {
        ColumnMetadata column = table.column(name);
        assertThat(column).as("column %s of %s (has %s)", name, table.name(), table.columnNames()).isNotNull();
        return column;
    }

    private static ModelRepository setUp(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS type_matrix");
            s.execute(ddl(db.engine()));
        }
        return ModelRepository.create(db.dataSource());
    }

    /** Writes one row through the columns' own binders, as every modelrepo write does. */
    private static void insert(ModelRepository repo, long id, Map<String, Object> values) throws SQLException {
        TableMetadata table = repo.registry().table(TypeRow.class);
        List<ColumnMetadata> columns = new ArrayList<>();
        columns.add(table.column("id"));
        values.keySet().stream().map(name -> column(table, name)).forEach(columns::add);
        String sql = "INSERT INTO " + repo.dialect().quote(table.storedName()) + " ("
                + String.join(", ", columns.stream().map(c -> repo.dialect().quote(c.storedName())).toList()) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        Connection c = DataSourceUtils.getConnection(repo.dataSource());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            columns.get(0).binder().bind(ps, 1, id);
            for (int i = 1; i < columns.size(); i++) {
                ColumnMetadata column = columns.get(i);
                column.binder().bind(ps, i + 1, ValueConverter.convert(values.get(column.name()), column.kind()));
            }
            ps.executeUpdate();
        }
        finally {
            DataSourceUtils.releaseConnection(c, repo.dataSource());
        }
    }

    @EngineTest
    void eachDeclaredTypeMapsToTheSameKindOnEveryEngine(TestDatabase db) throws SQLException {
        ModelRepository repo = setUp(db);
        TableMetadata table = repo.registry().table(TypeRow.class);
        List<String> expected = new ArrayList<>(List.of("id"));
        expected.addAll(matrixColumns(db.engine()));
        assertThat(table.columnNames()).containsExactlyInAnyOrderElementsOf(expected);
        for (String name : matrixColumns(db.engine())) {
            ColumnMetadata column = column(table, name);
            if (name.equals("json_col") && db.engine() == Engine.MARIADB) {
                // MariaDB's JSON is LONGTEXT with a CHECK: metadata cannot tell; it reads and binds as String all the same.
                assertThat(column.kind()).isEqualTo(ColumnKind.STRING);
            }
            else {
                assertThat(column.kind()).as(name + " " + column.typeName()).isEqualTo(KINDS.get(name));
            }
        }
    }

    @EngineTest
    void valuesRoundTripWithTheSameJavaTypeAndAnEqualValue(TestDatabase db) throws SQLException {
        ModelRepository repo = setUp(db);
        Map<String, Object> written = sample();
        written.keySet().retainAll(matrixColumns(db.engine()));
        insert(repo, 1, written);
        TypeRow row = repo.findById(TypeRow.class, 1L).orElseThrow();
        for (var entry : written.entrySet()) {
            String column = entry.getKey();
            Object read = row.get(column);
            assertThat(read).as(column).isInstanceOf(KINDS.get(column).javaType());
            Object expected = entry.getValue();
            if (column.equals("dec_col") && db.engine() == Engine.SQLITE) {
                // SQLite keeps DECIMAL as REAL: up to 15 significant digits survive (14 here).
                assertThat((BigDecimal) read).as(column).isEqualByComparingTo((BigDecimal) expected);
            }
            else if (column.equals("tstz_col")) {
                OffsetDateTime utc = ((OffsetDateTime) expected).withOffsetSameInstant(ZoneOffset.UTC);
                assertThat(read).as(column).isEqualTo(utc);
                assertThat(((OffsetDateTime) read).getOffset()).isEqualTo(ZoneOffset.UTC);
            }
            else {
                assertThat(read).as(column).isEqualTo(expected);
            }
        }
    }

    @EngineTest
    void nullsRoundTripInEveryColumn(TestDatabase db) throws SQLException {
        ModelRepository repo = setUp(db);
        Map<String, Object> nulls = new LinkedHashMap<>();
        matrixColumns(db.engine()).forEach(k -> nulls.put(k, null));
        insert(repo, 2, nulls);
        TypeRow row = repo.findById(TypeRow.class, 2L).orElseThrow();
        nulls.keySet().forEach(k -> assertThat(row.<Object>get(k)).as(k).isNull());
    }

    @EngineTest
    void whatEnginesCannotHoldExactlyIsPinned(TestDatabase db) throws SQLException {
        ModelRepository repo = setUp(db);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("dec_col", new BigDecimal("12345678901234.123456"));   // 20 significant digits
        v.put("ts_col", LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789));   // nanoseconds
        insert(repo, 3, v);
        TypeRow row = repo.findById(TypeRow.class, 3L).orElseThrow();
        BigDecimal decimal = row.get("dec_col");
        LocalDateTime ts = row.get("ts_col");
        if (db.engine() == Engine.SQLITE) {
            // REAL storage: the value is rounded to a double, and SQLite's text keeps every nanosecond.
            assertThat(decimal).isEqualByComparingTo(BigDecimal.valueOf(12345678901234.123));
            assertThat(ts).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_789));
        }
        else {
            assertThat(decimal).isEqualByComparingTo("12345678901234.123456");
            // Microsecond columns: PostgreSQL and MariaDB round to the microsecond, H2 truncates.
            assertThat(ts.getNano() / 1000).isBetween(123_456, 123_457);
            assertThat(ts.getNano() % 1000).isZero();
        }
    }

    /** The table of each engine's own types (native-types.xml). */
    @Table(name = "native_types")
    public static class NativeRow extends Model {
    }

    /** A Java enum whose names are labels of the PostgreSQL enum mpaa_rating. */
    enum Rating { G, PG, R }

    /** One database-specific type: its column, the kind metadata gives it, a value written and the value read back. */
    record NativeCase(String column, ColumnKind kind, Object written, Object read) {
    }

    private static final UUID SOME_UUID = UUID.fromString("0b7e8c8e-1f7a-4c55-9d0e-2f4c9b1a7e31");

    /** POINT(1 2) as little-endian WKB (MariaDB keeps it as written) and as the big-endian WKB H2 normalises it to. */
    static final byte[] POINT_WKB = HexFormat.of().parseHex("0101000000000000000000f03f0000000000000040");

    static final byte[] POINT_WKB_BIG_ENDIAN = HexFormat.of().parseHex("00000000013ff00000000000004000000000000000");

    /** Every type of native-types.xml on the engine: the rows of the README's type table beyond the portable ones. */
    static List<NativeCase> nativeCases(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> List.of(new NativeCase("rating", ColumnKind.STRING, "PG-13", "PG-13"),
                    new NativeCase("release_year", ColumnKind.INTEGER, 2006, 2006),
                    new NativeCase("code", ColumnKind.STRING, "abc", "abc"),
                    new NativeCase("email", ColumnKind.STRING, "Alice@Example.com", "Alice@Example.com"),
                    new NativeCase("pair_col", ColumnKind.STRING, "(1,\"hi\")", "(1,hi)"),
                    new NativeCase("range_col", ColumnKind.STRING, "[1,9]", "[1,10)"),
                    new NativeCase("features", ColumnKind.ARRAY, List.of("Trailers", "Deleted Scenes"),
                            new String[] { "Trailers", "Deleted Scenes" }),
                    new NativeCase("ints", ColumnKind.ARRAY, new int[] { 1, 2, 3 }, new Integer[] { 1, 2, 3 }),
                    new NativeCase("uuids", ColumnKind.ARRAY, List.of(SOME_UUID), new UUID[] { SOME_UUID }),
                    new NativeCase("ratings", ColumnKind.ARRAY, List.of(Rating.G, "PG-13"), new String[] { "G", "PG-13" }));
            case MARIADB, MYSQL -> List.of(new NativeCase("release_year", ColumnKind.INTEGER, Year.of(2006), 2006),
                    new NativeCase("rating", ColumnKind.STRING, "PG-13", "PG-13"),
                    new NativeCase("features", ColumnKind.SET, new LinkedHashSet<>(List.of("Commentaries", "Trailers")),
                            "Trailers,Commentaries"),
                    new NativeCase("flag", ColumnKind.BOOLEAN, true, true),
                    new NativeCase("tiny_u", ColumnKind.INTEGER, 255, 255),
                    new NativeCase("small_u", ColumnKind.INTEGER, 65_535, 65_535),
                    new NativeCase("medium_u", ColumnKind.INTEGER, 16_777_215, 16_777_215),
                    new NativeCase("int_u", ColumnKind.BIGINT, 4_294_967_295L, 4_294_967_295L),
                    new NativeCase("big_u", ColumnKind.BIGINT_UNSIGNED, new BigInteger("18446744073709551615"),
                            new BigInteger("18446744073709551615")),
                    new NativeCase("shape", ColumnKind.BYTES, POINT_WKB, POINT_WKB));
            case H2 -> List.of(new NativeCase("rating", ColumnKind.STRING, "PG-13", "PG-13"),
                    new NativeCase("tiny", ColumnKind.INTEGER, (byte) 127, 127),
                    new NativeCase("small", ColumnKind.INTEGER, (short) 32_767, 32_767),
                    new NativeCase("features", ColumnKind.ARRAY, List.of("Trailers", "Deleted Scenes"),
                            new String[] { "Trailers", "Deleted Scenes" }),
                    new NativeCase("ints", ColumnKind.ARRAY, new int[] { 1, 2, 3 }, new Integer[] { 1, 2, 3 }),
                    new NativeCase("uuids", ColumnKind.ARRAY, List.of(SOME_UUID), new UUID[] { SOME_UUID }),
                    new NativeCase("shape", ColumnKind.BYTES, POINT_WKB_BIG_ENDIAN, POINT_WKB_BIG_ENDIAN));
            case SQLITE -> List.of(new NativeCase("release_year", ColumnKind.INTEGER, Year.of(2006), 2006),
                    new NativeCase("tiny_u", ColumnKind.INTEGER, 255, 255),
                    new NativeCase("int_u", ColumnKind.BIGINT, 4_294_967_295L, 4_294_967_295L),
                    new NativeCase("big_u", ColumnKind.BIGINT, Long.MAX_VALUE, Long.MAX_VALUE));
        };
    }

    /** The database-specific types, each written through a model and read back, on the engine that has them. */
    @Nested
    @Changelog("db/changelog/native-types.xml")
    class DatabaseSpecificTypes {

        @EngineTest
        void eachTypeMapsToItsKind(TestDatabase db) {
            TableMetadata table = ModelRepository.create(db.dataSource()).registry().table(NativeRow.class);
            List<String> expected = new ArrayList<>(List.of("id"));
            nativeCases(db.engine()).forEach(c -> expected.add(c.column()));
            assertThat(table.columnNames()).containsExactlyInAnyOrderElementsOf(expected);
            for (NativeCase c : nativeCases(db.engine())) {
                ColumnMetadata column = column(table, c.column());
                assertThat(column.kind()).as(c.column() + " " + column.typeName()).isEqualTo(c.kind());
            }
        }

        @EngineTest
        void valuesRoundTripThroughAModel(TestDatabase db) {
            ModelRepository repo = ModelRepository.create(db.dataSource());
            Map<String, Object> values = new LinkedHashMap<>();
            nativeCases(db.engine()).forEach(c -> values.put(c.column(), c.written()));
            NativeRow saved = repo.build(NativeRow.class, values);
            repo.saveOrThrow(saved);
            NativeRow read = repo.findById(NativeRow.class, saved.id()).orElseThrow();
            for (NativeCase c : nativeCases(db.engine())) {
                assertThat(read.<Object>get(c.column())).as(c.column()).isInstanceOf(c.kind().javaType()).isEqualTo(c.read());
                assertThat(saved.<Object>get(c.column())).as(c.column() + " held after save").isEqualTo(c.read());
            }
        }

        @EngineTest
        void nullsRoundTrip(TestDatabase db) {
            ModelRepository repo = ModelRepository.create(db.dataSource());
            Map<String, Object> values = new LinkedHashMap<>();
            nativeCases(db.engine()).forEach(c -> values.put(c.column(), null));
            NativeRow saved = repo.build(NativeRow.class, values);
            repo.saveOrThrow(saved);
            NativeRow read = repo.findById(NativeRow.class, saved.id()).orElseThrow();
            nativeCases(db.engine()).forEach(c -> assertThat(read.<Object>get(c.column())).as(c.column()).isNull());
        }
    }
}

package dev.modelrepo.types;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.modelrepo.bulk.BulkOperations;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.Q;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Database-specific types bound as the database wants them wherever a value goes: where, IN lists, insert, update,
 * raw fragments and the bulk statements (COPY, unnest, multi-row VALUES), and foreign keys read as their key.
 */
@Changelog("db/changelog/native-types.xml")
class NativeTypeBindingTests {

    /** native_types of native-types.xml. */
    @Table(name = "native_types")
    public static class NativeRow extends Model {
    }

    /** A film. */
    @Table(name = "films")
    public static class Film extends Model {
    }

    /** The join table of films and actors. */
    @Table(name = "film_actors")
    public static class FilmActor extends Model {
    }

    /** Names that are labels of mpaa_rating. */
    enum Rating { G, PG, R }

    private static ModelQuery<NativeRow> where(dev.modelrepo.query.Condition condition) {
        return ModelQuery.from(NativeRow.class, "n").where(condition).orderBy(asc("n.id"));
    }

    private static List<Object> ids(List<NativeRow> rows) {
        return rows.stream().map(Model::id).toList();
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void enumsDomainsCompositesAndRangesBindInInsertWhereInAndUpdate(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        NativeRow row = repo.build(NativeRow.class, Map.of("rating", "PG-13", "release_year", 2006, "code", "abc",
                "pair_col", "(1,hi)", "range_col", "[1,10)"));
        repo.saveOrThrow(row);
        assertThat(ids(repo.list(where(eq("n.rating", param("r"))), Map.of("r", "PG-13")))).containsExactly(row.id());
        assertThat(ids(repo.list(where(in("n.rating", param("rs"))), Map.of("rs", List.of("G", "PG-13"))))).containsExactly(row.id());
        assertThat(ids(repo.list(where(notIn("n.rating", List.of(Rating.G, Rating.R))), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(eq("n.code", "abc")), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(in("n.code", List.of("abc", "x"))), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(eq("n.release_year", Year.of(2006))), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(eq("n.pair_col", "(1,hi)")), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(raw("? @> ?", col("n.range_col"), param("v"))), Map.of("v", 5)))).containsExactly(row.id());
        row.set("rating", Rating.R);   // a Java enum binds by name
        row.set("code", "def");
        repo.saveOrThrow(row);
        NativeRow read = repo.findById(NativeRow.class, row.id()).orElseThrow();
        assertThat(read.<Object>get("rating")).isEqualTo("R");
        assertThat(read.<Object>get("code")).isEqualTo("def");
        assertThat(repo.updateWhere(where(eq("n.rating", Rating.R)), Map.of("rating", "G"), Map.of())).isEqualTo(1);
        assertThat(repo.deleteWhere(where(in("n.rating", List.of("G"))), Map.of())).isEqualTo(1);
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void citextComparesCaseInsensitively(TestDatabase db) {
        // citext's operators live in public, where native-types.xml installs it: put it on the path, as applications do.
        var withPublic = new DriverManagerDataSource(db.jdbcUrl() + ",public", db.username(), db.password());
        ModelRepository repo = ModelRepository.create(withPublic);
        NativeRow row = repo.build(NativeRow.class, Map.of("email", "Alice@Example.com"));
        repo.saveOrThrow(row);
        assertThat(ids(repo.list(where(eq("n.email", "alice@example.COM")), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(in("n.email", param("e"))), Map.of("e", List.of("ALICE@example.com"))))).containsExactly(row.id());
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void arraysBindFromJavaArraysAndListsTypedByTheColumn(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        UUID u = UUID.randomUUID();
        NativeRow row = repo.build(NativeRow.class, Map.of("features", new String[] { "Trailers", "Deleted Scenes" },
                "ints", List.of(1, 2), "uuids", new UUID[] { u }, "ratings", List.of(Rating.G, "PG-13")));
        repo.saveOrThrow(row);
        assertThat(ids(repo.list(where(eq("n.features", param("f"))), Map.of("f", List.of("Trailers", "Deleted Scenes")))))
                .containsExactly(row.id());
        assertThat(ids(repo.list(where(eq("n.ints", new int[] { 1, 2 })), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(eq("n.ratings", new Object[] { Rating.G, "PG-13" })), Map.of()))).containsExactly(row.id());
        // untyped positions of raw: the array takes the type the server gives the position
        var contains = where(raw("? @> ?", col("n.features"), param("arr")));
        assertThat(ids(repo.list(contains, Map.of("arr", new String[] { "Trailers" })))).containsExactly(row.id());
        assertThat(ids(repo.list(contains, Map.of("arr", List.of("Commentaries"))))).isEmpty();
        var ratings = where(raw("? && ?", col("n.ratings"), param("arr")));
        assertThat(ids(repo.list(ratings, Map.of("arr", List.of(Rating.R, Rating.G))))).containsExactly(row.id());
        var uuids = where(raw("? @> ?", col("n.uuids"), param("arr")));
        assertThat(ids(repo.list(uuids, Map.of("arr", List.of(u))))).containsExactly(row.id());
        // where nothing gives the position a type, Q.array names it
        var untyped = where(raw("cardinality(?) = 2", param("arr")));
        assertThatThrownBy(() -> repo.list(untyped, Map.of("arr", List.of("a", "b")))).isInstanceOf(DataAccessException.class);
        var typed = where(raw("cardinality(?) = 2", Q.array(param("arr"), "text")));
        assertThat(ids(repo.list(typed, Map.of("arr", List.of("a", "b"))))).containsExactly(row.id());
        var typedLiteral = where(raw("? @> ?", col("n.ints"), Q.array(new int[] { 2 }, "int4")));
        assertThat(ids(repo.list(typedLiteral, Map.of()))).containsExactly(row.id());
        row.set("ratings", new Rating[] { Rating.R });
        row.set("features", List.of());
        repo.saveOrThrow(row);
        NativeRow read = repo.findById(NativeRow.class, row.id()).orElseThrow();
        assertThat((Object[]) read.get("ratings")).containsExactly("R");
        assertThat((Object[]) read.get("features")).isEmpty();
    }

    private static Map<String, Object> pgRow(long id, String rating, int year, String feature) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("rating", rating);
        m.put("release_year", year);
        m.put("code", "c" + id);
        m.put("email", "E" + id + "@x");
        m.put("pair_col", "(" + id + ",p)");
        m.put("range_col", "[" + id + "," + (id + 10) + ")");
        m.put("features", List.of(feature));
        m.put("ratings", List.of(rating));
        return m;
    }

    @EngineTest(engines = Engine.POSTGRESQL)
    void bulkStatementsBindEnumsDomainsAndArrays(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        repo.deleteWhere(ModelQuery.from(NativeRow.class, "n"), Map.of());
        BulkOperations bulk = repo.bulk();
        List<String> columns = new ArrayList<>(pgRow(0, "G", 2000, "x").keySet());
        assertThat(bulk.insertBulk(NativeRow.class, columns, List.of(pgRow(101, "G", 2001, "Trailers"), pgRow(102, "PG-13", 2002, "x"))))
                .isEqualTo(2);   // COPY
        List<NativeRow> models = bulk.insertAll(List.of(repo.build(NativeRow.class, Map.of("rating", "R", "release_year", 2003,
                "code", "k", "features", List.of("a"), "ratings", List.of(Rating.PG)))));   // unnest with keys allocated
        assertThat(models.get(0).<Object>get("rating")).isEqualTo("R");
        assertThat(bulk.updateBulk(NativeRow.class, List.of("rating", "release_year", "code", "ratings"),
                List.of(Map.of("id", 101L, "rating", Rating.R, "release_year", 2011, "code", "u", "ratings", List.of("R", "G")))))
                .isEqualTo(1);
        assertThat(bulk.upsertBulk(NativeRow.class, columns, List.of(pgRow(102, "NC-17", 2012, "y"), pgRow(104, "PG", 2014, "z")),
                List.of("id"))).isEqualTo(2);
        assertThat(repo.rows(ModelQuery.from(NativeRow.class, "n").select(col("n.id"), col("n.rating"), col("n.release_year"),
                col("n.code")).orderBy(asc("n.id")), Map.of()).stream().map(r -> r.get("rating") + "/" + r.get("release_year")
                + "/" + r.get("code")).toList()).containsExactly("R/2003/k", "R/2011/u", "NC-17/2012/c102", "PG/2014/c104");
        NativeRow first = repo.findById(NativeRow.class, 101L).orElseThrow();
        assertThat((Object[]) first.get("ratings")).containsExactly("R", "G");
        assertThat((Object[]) first.get("features")).containsExactly("Trailers");
        assertThat(bulk.deleteBulk(NativeRow.class, List.of(Map.of("id", 101L), Map.of("id", 104L)))).isEqualTo(2);
        assertThat(repo.count(ModelQuery.from(NativeRow.class, "n"), Map.of())).isEqualTo(2);
    }

    private static Map<String, Object> mysqlRow(Object year, Object features, Object intU, Object bigU) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("release_year", year);
        m.put("rating", "PG-13");
        m.put("features", features);
        m.put("flag", true);
        m.put("tiny_u", 255);
        m.put("int_u", intU);
        m.put("big_u", bigU);
        m.put("shape", TypeRoundTripTests.POINT_WKB);
        return m;
    }

    @EngineTest(engines = { Engine.MARIADB, Engine.MYSQL })
    void mysqlTypesBindInInsertWhereUpdateAndBulk(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        BigInteger max = new BigInteger("18446744073709551615");
        NativeRow row = repo.build(NativeRow.class, mysqlRow(Year.of(2006), new LinkedHashSet<>(List.of("Commentaries", "Trailers")),
                4_294_967_295L, max));
        repo.saveOrThrow(row);
        assertThat(ids(repo.list(where(eq("n.release_year", Year.of(2006))), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(eq("n.release_year", 2006)), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(eq("n.int_u", 4_294_967_295L)), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(eq("n.big_u", max)), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(eq("n.features", "Trailers,Commentaries")), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(raw("FIND_IN_SET(?, ?) > 0", "Trailers", col("n.features"))), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(eq("n.flag", true)), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(eq("n.shape", TypeRoundTripTests.POINT_WKB)), Map.of()))).containsExactly(row.id());
        row.set("features", List.of("Deleted Scenes"));
        row.set("release_year", 1999);
        repo.saveOrThrow(row);
        NativeRow read = repo.findById(NativeRow.class, row.id()).orElseThrow();
        assertThat(read.<Object>get("features")).isEqualTo("Deleted Scenes");
        assertThat(read.<Object>get("release_year")).isEqualTo(1999);
        BulkOperations bulk = repo.bulk();
        List<String> columns = List.copyOf(mysqlRow(null, null, null, null).keySet());
        assertThat(bulk.insertBulk(NativeRow.class, columns, List.of(mysqlRow(2001, Set.of("Trailers"), 1L, BigInteger.TWO),
                mysqlRow(Year.of(2002), "Commentaries", 4_000_000_000L, max)))).isEqualTo(2);
        List<NativeRow> all = repo.list(ModelQuery.from(NativeRow.class, "n").orderBy(asc("n.id")), Map.of());
        assertThat(all).extracting(r -> r.<Object>get("release_year")).containsExactly(1999, 2001, 2002);
        assertThat(all).extracting(r -> r.<Object>get("big_u")).containsExactly(max, BigInteger.TWO, max);
        assertThat(bulk.updateBulk(NativeRow.class, List.of("release_year", "features", "int_u", "big_u"),
                List.of(Map.of("id", all.get(1).id(), "release_year", Year.of(2021), "features", Set.of("Trailers", "Commentaries"),
                        "int_u", 4_294_967_294L, "big_u", max.subtract(BigInteger.ONE))))).isEqualTo(1);
        NativeRow updated = repo.findById(NativeRow.class, all.get(1).id()).orElseThrow();
        assertThat(updated.<Object>get("release_year")).isEqualTo(2021);
        assertThat(updated.<Object>get("features")).isEqualTo("Trailers,Commentaries");
        assertThat(updated.<Object>get("big_u")).isEqualTo(max.subtract(BigInteger.ONE));
        assertThat(updated.<Object>get("shape")).isEqualTo(TypeRoundTripTests.POINT_WKB);
    }

    @EngineTest(engines = Engine.H2)
    void h2EnumsAndArraysBindInWhereAndIn(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        NativeRow row = repo.build(NativeRow.class, Map.of("rating", Rating.PG, "features", List.of("Trailers"), "ints", new int[] { 1, 2 }));
        repo.saveOrThrow(row);
        assertThat(ids(repo.list(where(eq("n.rating", "PG")), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(in("n.rating", List.of(Rating.PG, Rating.R))), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(eq("n.ints", List.of(1, 2))), Map.of()))).containsExactly(row.id());
        assertThat(ids(repo.list(where(raw("ARRAY_CONTAINS(?, ?)", col("n.features"), "Trailers")), Map.of()))).containsExactly(row.id());
        var typed = where(raw("CARDINALITY(?) = 2", Q.array(param("arr"), "VARCHAR")));
        assertThat(ids(repo.list(typed, Map.of("arr", List.of("a", "b"))))).containsExactly(row.id());
    }

    @EngineTest(engines = { Engine.SQLITE, Engine.MARIADB, Engine.MYSQL })
    void arraysAreATypedErrorWhereTheEngineHasNone(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        var typed = where(raw("? IS NOT NULL", Q.array(param("arr"), "text")));
        assertThatThrownBy(() -> repo.list(typed, Map.of("arr", List.of("a"))))
                .isInstanceOf(dev.modelrepo.dialect.UnsupportedTypeException.class)
                .hasMessageContaining("array");
    }

    @EngineTest
    void aForeignKeyColumnReadsAsTheJavaTypeOfTheKeyItReferences(TestDatabase db) {
        ModelRepository repo = ModelRepository.create(db.dataSource());
        Film film = repo.build(Film.class, Map.of("title", "Academy Dinosaur"));
        repo.saveOrThrow(film);
        repo.sql("INSERT INTO film_actors (actor_id, film_id) VALUES (:a, :f)").update(Map.of("a", 1, "f", film.id()));
        FilmActor link = repo.list(ModelQuery.from(FilmActor.class, "fa"), Map.of()).get(0);
        assertThat(link.<Object>get("film_id")).isInstanceOf(film.id().getClass()).isEqualTo(film.id());
        assertThat(repo.registry().table(FilmActor.class).column("film_id").kind())
                .isEqualTo(repo.registry().table(Film.class).column("id").kind());
        assertThat(repo.list(ModelQuery.from(FilmActor.class, "fa").where(eq("fa.film_id", film.id())), Map.of())).hasSize(1);
    }
}

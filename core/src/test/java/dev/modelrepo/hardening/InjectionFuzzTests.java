package dev.modelrepo.hardening;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.springframework.dao.DataAccessException;

import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.query.error.InvalidIdentifierException;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Seeded injection fuzzing on every engine: 10,000 hostile names at every place the API takes a name (rejected:
 * never reaching the database), and hostile values through every place it takes a value (round trip unchanged,
 * never inlined into SQL). A canary table must be intact at the end.
 */
@Changelog("db/changelog/test-schema.xml")
class InjectionFuzzTests {

    static final long SEED = 20261121L;

    static final int NAMES = 10_000;

    static final int VALUES = 600;

    private static final String[] PIECES = { "'", "\"", "`", "\\", ";", "--", "/*", "*/", " OR 1=1", "DROP TABLE canary", "\u0000", "\n",
            "\t", "%", "_", "!", "é", "日本", "\uD83D\uDE00", "\u202E", "(", ")", ",", ".", " ", "$", "#", "?", ":p", "name", "id", "x" };

    static String hostile(Random random, int maxPieces) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + random.nextInt(maxPieces);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        if (random.nextInt(50) == 0) {
            sb.append("y".repeat(5_000 + random.nextInt(5_000)));
        }
        return sb.toString();
    }

    /** A row map that tolerates a name equal to the other column. */
    private static Map<String, Object> row(String column, Object value, String name, Object other) {
        Map<String, Object> row = new java.util.HashMap<>();
        row.put(name, other);
        row.put(column, value);
        return row;
    }

    /** Thrown to roll back a write a plain (valid) name legitimately performed. */
    private static final class RollBack extends RuntimeException {
    }

    /** Runs a bulk write in a transaction that is always rolled back, so valid names leave no rows behind. */
    private static Object rolledBack(ModelRepository repo, Runnable write) {
        try {
            repo.useTransaction(() -> {
                write.run();
                throw new RollBack();
            });
        }
        catch (RollBack expected) {
            // the write ran and was undone
        }
        return null;
    }

    private static void canary(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @EngineTest
    void hostileNamesAreRejectedBeforeAnySql(TestDatabase db) throws SQLException {
        canary(db, "CREATE TABLE canary (id INTEGER PRIMARY KEY)");
        canary(db, "INSERT INTO canary (id) VALUES (1)");
        CountingDataSource counter = new CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.create(counter);
        repo.registry().table(User.class);
        repo.registry().table(Employee.class);
        counter.reset();
        Random random = new Random(SEED);
        List<Function<String, Object>> places = List.of(
                name -> repo.list(ModelQuery.from(User.class, "u").where(eq(name, 1)), Map.of()),
                name -> repo.list(ModelQuery.from(User.class, "u").where(eq("u." + name, 1)), Map.of()),
                name -> repo.list(ModelQuery.from(User.class, "u").orderBy(desc(name)), Map.of()),
                name -> repo.list(ModelQuery.from(User.class, "u").orderBy(asc("u." + name)), Map.of()),
                name -> repo.rows(ModelQuery.from(User.class, "u").select(name), Map.of()),
                name -> repo.rows(ModelQuery.from(User.class, "u").select(count().as(name)), Map.of()),
                name -> repo.rows(ModelQuery.from(User.class, "u").select(col("u.id")).groupBy(name), Map.of()),
                name -> repo.list(ModelQuery.from(User.class, name), Map.of()),
                name -> repo.list(ModelQuery.from(Employee.class, "e").join(inner(name)), Map.of()),
                name -> repo.list(ModelQuery.from(Employee.class, "e").include(name), Map.of()),
                name -> repo.list(ModelQuery.from(User.class, "u").where(eq("u.id", param(name))), Map.of(name, 1)),
                name -> repo.build(User.class, Map.of(name, 1)),
                name -> repo.updateWhere(ModelQuery.from(User.class, "u").where(eq("u.id", -1)), Map.of(name, 1), Map.of()),
                name -> repo.list(ModelQuery.from(User.class, "u").where(in(name, List.of(1))), Map.of()),
                name -> rolledBack(repo, () -> repo.bulk().insertBulk(User.class, List.of("name", name), List.of(row("name", "x", name, 1)))),
                name -> rolledBack(repo, () -> repo.bulk().upsertBulk(User.class, List.of("email", name), List.of(row("email", "x@y", name, 1)),
                        List.of("email"))));
        int hostileNames = 0;
        int plainNames = 0;
        List<String> escaped = new ArrayList<>();
        for (int i = 0; i < NAMES; i++) {
            String name = hostile(random, 4);
            Function<String, Object> place = places.get(i % places.size());
            counter.reset();
            Throwable t = catchThrowable(() -> place.apply(name));
            if (name.matches("[\\p{L}_][\\p{L}\\p{N}_$]*")) {
                // a plain identifier ("id", "日本"): checked against the metadata, and legitimately run when it exists
                plainNames++;
                if (t != null && !(t instanceof UnknownColumnException) && !(t instanceof DataAccessException)) {
                    escaped.add(i + ": " + t);
                }
                continue;
            }
            hostileNames++;
            if (!(t instanceof InvalidIdentifierException || t instanceof UnknownColumnException) || !counter.statements().isEmpty()) {
                escaped.add(i + ": " + (t == null ? "accepted" : t.getClass().getSimpleName()) + ", " + counter.statements().size()
                        + " statements, for " + name.substring(0, Math.min(40, name.length())));
            }
        }
        System.out.printf("fuzz names [%s]: %d names: %d hostile, all rejected before any SQL; %d plain identifiers checked against the"
                + " metadata%n", db.engine(), NAMES, hostileNames, plainNames);
        assertThat(escaped).isEmpty();
        assertThat(hostileNames).isGreaterThan(NAMES * 9 / 10);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM canary")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @EngineTest
    void hostileValuesRoundTripUnchangedAndAreNeverInlined(TestDatabase db) throws SQLException {
        canary(db, "CREATE TABLE IF NOT EXISTS canary_v (id INTEGER PRIMARY KEY)");
        canary(db, "DELETE FROM canary_v");
        canary(db, "INSERT INTO canary_v (id) VALUES (1)");
        CountingDataSource counter = new CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.create(counter);
        Random random = new Random(SEED + 1);
        int roundTrips = 0;
        int refused = 0;
        for (int i = 0; i < VALUES; i++) {
            String value = "v" + i + "|" + hostile(random, 6);
            if (db.engine() == Engine.MARIADB || db.engine() == Engine.MYSQL) {
                value = value.substring(0, Math.min(value.length(), 100));   // VARCHAR(100) is strict there
            }
            String name = value.length() > 100 ? value.substring(0, 100) : value;
            boolean hasNul = name.indexOf('\u0000') >= 0;
            User user = repo.build(User.class, Map.of("name", name, "email", "fuzz" + i + "@x.test"));
            Throwable saved = catchThrowable(() -> repo.save(user));
            if (hasNul && db.engine() == Engine.POSTGRESQL) {
                // PostgreSQL text cannot hold NUL: a clear DataAccessException, and nothing written
                assertThat(saved).isInstanceOf(DataAccessException.class);
                assertThat(repo.count(ModelQuery.from(User.class, "u").where(eq("u.email", "fuzz" + i + "@x.test")), Map.of())).isZero();
                refused++;
                continue;
            }
            assertThat(saved).as("save of value %d", i).isNull();
            User byEquality = repo.first(ModelQuery.from(User.class, "u").where(eq("u.name", param("n"))), Map.of("n", name)).orElseThrow();
            assertThat(byEquality.<Object>get("name")).isEqualTo(name);
            assertThat(repo.exists(ModelQuery.from(User.class, "u").where(and(eq("u.id", user.id()), contains("u.name", name))), Map.of()))
                    .as("contains(value) finds its row").isTrue();
            List<Map<String, Object>> nativeRows = repo.sql("SELECT name FROM users WHERE email = :e AND name = :n")
                    .list(Map.of("e", "fuzz" + i + "@x.test", "n", name));
            assertThat(nativeRows).extracting(r -> r.get("name")).containsExactly(name);
            roundTrips++;
        }
        for (String sql : counter.statements()) {
            assertThat(sql).doesNotContain("fuzz").doesNotContain("DROP TABLE").doesNotContain("OR 1=1").doesNotContain("\u0000");
        }
        System.out.printf("fuzz values [%s]: %d hostile values, %d round trips unchanged, %d refused (NUL in PostgreSQL text),"
                + " %d statements, none with an inlined value%n", db.engine(), VALUES, roundTrips, refused, counter.statements().size());
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM canary_v")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }
}

package dev.modelrepo.hardening;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.User;
import dev.modelrepo.model.Model;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * IN lists of any size on every engine, at and around each engine's limit: H2's 65,536 array elements, SQLite's
 * 250,000 bind variables (131,072 values pad to 262,144), MariaDB's 65,535 prepared-statement placeholders, and
 * the switch from a padded list to SQLite's {@code json_each} at 16,384. A small table; the lists are mostly values
 * that match nothing, so the counts say whether every chunk took part.
 */
@Changelog("db/changelog/test-schema.xml")
class LargeInListTests {

    /** Rows of the seeded table; every fourth has a NULL age. */
    static final int ROWS = 40;

    /** Rows whose key is in every list (the first ones), so IN counts this many and NOT IN the rest. */
    static final int MATCHED = 10;

    static final int[] SIZES = { 16_384, 16_385, 65_536, 65_537, 131_072, 131_073, 300_000 };

    private static final Map<DataSource, Seeded> SEEDED = new ConcurrentHashMap<>();

    private record Seeded(ModelRepository repo, List<Long> ids) {
    }

    private static Seeded seeded(TestDatabase db) {
        return SEEDED.computeIfAbsent(db.dataSource(), ds -> {
            ModelRepository repo = ModelRepository.create(ds);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 1; i <= ROWS; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", "user " + i);
                row.put("email", "u" + i + "@in.test");
                row.put("age", i % 4 == 0 ? null : i);
                row.put("is_active", i % 2 == 0);
                rows.add(row);
            }
            repo.bulk().insertBulk(User.class, List.of("name", "email", "age", "is_active"), rows);
            List<Map<String, Object>> companies = new ArrayList<>();
            for (int i = 1; i <= ROWS; i++) {
                companies.add(Map.of("name", "company " + i, "founded", LocalDate.of(2000, 1, 1).plusDays(i)));
            }
            repo.bulk().insertBulk(Company.class, List.of("name", "founded"), companies);
            Object company = repo.first(ModelQuery.from(Company.class, "c"), Map.of()).orElseThrow().id();
            List<Map<String, Object>> departments = new ArrayList<>();
            for (int i = 1; i <= ROWS; i++) {
                departments.add(Map.of("company_id", company, "name", "department " + i, "budget", new BigDecimal(i + ".50")));
            }
            repo.bulk().insertBulk(Department.class, List.of("company_id", "name", "budget"), departments);
            List<Long> ids = repo.list(users().orderBy(asc("u.id")), Map.of()).stream().map(u -> ((Number) u.id()).longValue()).toList();
            return new Seeded(repo, ids);
        });
    }

    private static ModelQuery<User> users() {
        return ModelQuery.from(User.class, "u");
    }

    /** {@code size} keys: the first {@link #MATCHED} real ones, then keys no row has. */
    private static List<Long> keys(Seeded s, int size) {
        List<Long> keys = new ArrayList<>(size);
        keys.addAll(s.ids().subList(0, MATCHED));
        long next = s.ids().get(s.ids().size() - 1) + 1_000;
        while (keys.size() < size) {
            keys.add(next++);
        }
        return keys;
    }

    @EngineTest
    void inAndNotInWorkAtEverySizeAroundTheEngineLimits(TestDatabase db) {
        Seeded s = seeded(db);
        for (int size : SIZES) {
            Map<String, Object> params = Map.of("ids", keys(s, size));
            assertThat(s.repo().count(users().where(in("u.id", param("ids"))), params)).as("in, %d values", size).isEqualTo(MATCHED);
            assertThat(s.repo().count(users().where(notIn("u.id", param("ids"))), params)).as("notIn, %d values", size)
                    .isEqualTo(ROWS - MATCHED);
        }
    }

    @EngineTest
    void aLargeListReturnsTheSameRowsAsASmallOne(TestDatabase db) {
        Seeded s = seeded(db);
        List<Long> large = keys(s, 300_000);
        List<User> rows = s.repo().list(users().where(in("u.id", large)).orderBy(asc("u.id")), Map.of());
        assertThat(rows).extracting(u -> ((Number) u.id()).longValue()).containsExactlyElementsOf(s.ids().subList(0, MATCHED));
    }

    @EngineTest
    void largeListsOfEveryValueTypeMatchLikeSmallOnes(TestDatabase db) {
        Seeded s = seeded(db);
        ModelRepository repo = s.repo();
        List<User> firstUsers = repo.list(users().orderBy(asc("u.id")).limit(5), Map.of());
        List<Company> firstCompanies = repo.list(ModelQuery.from(Company.class, "u").orderBy(asc("u.id")).limit(5), Map.of());
        List<Department> firstDepartments = repo.list(ModelQuery.from(Department.class, "u").orderBy(asc("u.id")).limit(5), Map.of());
        int fillers = 70_000;
        record Column(ModelQuery<?> query, String column, List<Object> small, java.util.function.IntFunction<Object> filler) {
        }
        List<Column> columns = List.of(
                new Column(users(), "u.name", values(firstUsers, "name"), i -> "nobody " + i),
                new Column(users(), "u.age", values(firstUsers, "age"), i -> 10_000 + i),
                new Column(users(), "u.is_active", List.of(true), i -> true),
                new Column(users(), "u.created_at", values(firstUsers, "created_at"), i -> LocalDateTime.of(2200, 1, 1, 0, 0).plusSeconds(i)),
                new Column(ModelQuery.from(Company.class, "u"), "u.founded", values(firstCompanies, "founded"),
                        i -> LocalDate.of(3000, 1, 1).plusDays(i)),
                new Column(ModelQuery.from(Department.class, "u"), "u.budget", values(firstDepartments, "budget"),
                        i -> new BigDecimal(1_000_000 + i + ".25")));
        for (Column c : columns) {
            List<Object> large = new ArrayList<>(c.small());
            for (int i = 0; i < fillers; i++) {
                large.add(c.filler().apply(i));
            }
            long in = repo.count(c.query().where(in(c.column(), c.small())), Map.of());
            long notIn = repo.count(c.query().where(notIn(c.column(), c.small())), Map.of());
            assertThat(in).as("%s in small list", c.column()).isPositive();
            assertThat(repo.count(c.query().where(in(c.column(), large)), Map.of())).as("%s in large list", c.column()).isEqualTo(in);
            assertThat(repo.count(c.query().where(notIn(c.column(), large)), Map.of())).as("%s not in large list", c.column()).isEqualTo(notIn);
        }
    }

    private static List<Object> values(List<? extends Model> models, String column) {
        return models.stream().map(m -> m.get(column)).filter(java.util.Objects::nonNull).distinct().map(Object.class::cast).toList();
    }

    @EngineTest
    void aListInASubqueryOfTheSelectListIsBound(TestDatabase db) {
        Seeded s = seeded(db);
        for (int size : new int[] { 3, 70_000 }) {
            ModelQuery<User> matched = users().select(count()).where(in("u.id", param("ids")));
            var rows = s.repo().rows(ModelQuery.from(User.class, "o").select(raw("?", matched)).where(eq("o.id", s.ids().get(0))),
                    Map.of("ids", keys(s, size)));
            assertThat(rows).singleElement().satisfies(row -> assertThat(((Number) row.values().iterator().next()).longValue())
                    .as("%d values", size).isEqualTo(MATCHED));
        }
    }

    @EngineTest
    void notInOverALargeListKeepsTheNullSemanticsOfASmallOne(TestDatabase db) {
        Seeded s = seeded(db);
        List<Integer> small = List.of(1, 2, 3, 5);
        List<Integer> large = new ArrayList<>(small);
        for (int i = 0; large.size() < 200_000; i++) {
            large.add(1_000_000 + i);
        }
        long smallCount = s.repo().count(users().where(notIn("u.age", small)), Map.of());
        // 40 rows, 10 NULL ages (never NOT IN anything), 4 ages in the list
        assertThat(smallCount).isEqualTo(ROWS - ROWS / 4 - small.size());
        assertThat(s.repo().count(users().where(notIn("u.age", large)), Map.of())).isEqualTo(smallCount);
        assertThat(s.repo().count(users().where(not(in("u.age", large))), Map.of())).isEqualTo(smallCount);

        List<Integer> smallWithNull = new ArrayList<>(small);
        smallWithNull.add(null);
        List<Integer> largeWithNull = new ArrayList<>(large);
        largeWithNull.add(null);
        // x NOT IN (…, NULL) is never true; x IN (…, NULL) is true for the matches only
        assertThat(s.repo().count(users().where(notIn("u.age", smallWithNull)), Map.of())).isZero();
        assertThat(s.repo().count(users().where(notIn("u.age", largeWithNull)), Map.of())).isZero();
        assertThat(s.repo().count(users().where(in("u.age", smallWithNull)), Map.of())).isEqualTo(small.size());
        assertThat(s.repo().count(users().where(in("u.age", largeWithNull)), Map.of())).isEqualTo(small.size());
    }

    @EngineTest
    void updateWhereAndDeleteWhereTakeAListOfAnySize(TestDatabase db) {
        Seeded s = seeded(db);
        ModelRepository repo = s.repo();
        Map<String, Object> params = Map.of("ids", keys(s, 300_000));
        try {
            repo.useTransaction(() -> {
                assertThat(repo.updateWhere(users().where(in("u.id", param("ids"))), Map.of("status", "listed"), params)).isEqualTo(MATCHED);
                assertThat(repo.count(users().where(eq("u.status", "listed")), Map.of())).isEqualTo(MATCHED);
                assertThat(repo.deleteWhere(users().where(notIn("u.id", param("ids"))), params)).isEqualTo(ROWS - MATCHED);
                assertThat(repo.count(users(), Map.of())).isEqualTo(MATCHED);
                throw new RollBack();
            });
        }
        catch (RollBack expected) {
            // the writes ran and were undone, so the other tests keep their rows
        }
        assertThat(repo.count(users(), Map.of())).isEqualTo(ROWS);
    }

    @EngineTest
    void toSqlInlinesALargeListAsSqlThatRuns(TestDatabase db) throws SQLException {
        Seeded s = seeded(db);
        ModelQuery<User> q = users().select(col("u.id")).where(in("u.id", param("ids")));
        List<Long> largest = keys(s, 300_000);
        assertThat(s.repo().toSql(q, Map.of("ids", largest))).doesNotContain("?").contains(String.valueOf(largest.get(largest.size() - 1)));
        // past H2's one array and SQLite's padded list, yet under SQLite's 1,000,000-byte statement text
        String sql = s.repo().toSql(q, Map.of("ids", keys(s, 70_000)));
        assertThat(sql).doesNotContain("?");
        Set<Long> found = new HashSet<>();
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                found.add(rs.getLong(1));
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(s.ids().subList(0, MATCHED));
    }

    @EngineTest
    void largeListsShareAFewSqlShapes(TestDatabase db) {
        Seeded s = seeded(db);
        ModelQuery<User> q = users().where(in("u.id", param("ids")));
        Set<String> shapes = new HashSet<>();
        for (int size = 100_000; size <= 300_000; size += 10_000) {
            Long[] values = new Long[size];
            Arrays.fill(values, 1L);
            shapes.add(s.repo().renderer().render(q, Map.of("ids", values)).sql());
        }
        // 21 sizes: one array (PostgreSQL), 2/4/8 arrays (H2), json_each (SQLite), padded lists with four sizes per
        // power of two (MariaDB)
        assertThat(shapes).hasSizeLessThanOrEqualTo(8);
    }

    /** Thrown to roll back a transaction whose writes the test has checked. */
    private static final class RollBack extends RuntimeException {
    }
}

package dev.modelrepo.query;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.H2Dialect;
import dev.modelrepo.dialect.MariaDbDialect;
import dev.modelrepo.dialect.MySqlDialect;
import dev.modelrepo.dialect.PostgresDialect;
import dev.modelrepo.dialect.SqliteDialect;
import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.fixtures.OfflineSchema;

/**
 * The whole SQL string of every operator and clause, per dialect, rendered from an offline registry (so
 * MySQL 8, which has no server here, is covered too). Expected strings are written with double quotes and
 * backticked for MySQL/MariaDB.
 */
class RenderingTests {

    static final List<Dialect> ALL = List.of(PostgresDialect.INSTANCE, MySqlDialect.INSTANCE, MariaDbDialect.INSTANCE,
            H2Dialect.INSTANCE, SqliteDialect.INSTANCE);

    static Stream<Arguments> dialects() {
        return ALL.stream().map(d -> Arguments.of(d.name(), d));
    }

    static final String EMP = "SELECT \"e\".\"id\", \"e\".\"department_id\", \"e\".\"name\", \"e\".\"salary\", \"e\".\"active\", \"e\".\"hired_on\" FROM \"employees\" \"e\"";

    private static String expect(Dialect dialect, String neutral) {
        return dialect instanceof MySqlDialect ? neutral.replace('"', '`') : neutral;
    }

    private static QueryRenderer renderer(Dialect dialect) {
        return new QueryRenderer(OfflineSchema.registry(dialect), new QueryCache());
    }

    private static String sql(Dialect dialect, ModelQuery<?> q, Map<String, ?> params) {
        return renderer(dialect).render(q, params).sql();
    }

    private static String sql(Dialect dialect, ModelQuery<?> q) {
        return sql(dialect, q, Map.of());
    }

    private static ModelQuery<Employee> emp() {
        return ModelQuery.from(Employee.class, "e");
    }

    private static boolean arrays(Dialect d) {
        return d instanceof PostgresDialect || d instanceof H2Dialect;
    }

    @ParameterizedTest(name = "select all [{0}]")
    @MethodSource("dialects")
    void selectAllListsEveryColumnQuoted(String name, Dialect d) {
        assertThat(sql(d, emp())).isEqualTo(expect(d, EMP));
    }

    @ParameterizedTest(name = "comparison operators [{0}]")
    @MethodSource("dialects")
    void comparisonOperatorsBindTheirValues(String name, Dialect d) {
        var q = emp().where(and(eq("e.name", "a"), ne("e.name", param("n")), gt("e.salary", 1), ge("salary", 2),
                lt("e.salary", 3), le("e.salary", 4)));
        var rendered = renderer(d).render(q, Map.of("n", "b"));
        assertThat(rendered.sql()).isEqualTo(expect(d, EMP + " WHERE \"e\".\"name\" = ? AND \"e\".\"name\" <> ? AND \"e\".\"salary\" > ?"
                + " AND \"e\".\"salary\" >= ? AND \"e\".\"salary\" < ? AND \"e\".\"salary\" <= ?"));
        assertThat(rendered.values()).containsExactly("a", "b", 1, 2, 3, 4);
    }

    @ParameterizedTest(name = "like family [{0}]")
    @MethodSource("dialects")
    void likeOperatorsEscapeWildcardsOfContainsAndFriends(String name, Dialect d) {
        var q = emp().where(and(like("e.name", "T%"), notLike("e.name", "%x"), contains("e.name", "50%_off!"),
                startsWith("e.name", param("p")), endsWith("e.name", "z")));
        var rendered = renderer(d).render(q, Map.of("p", "a_b"));
        assertThat(rendered.sql()).isEqualTo(expect(d, EMP + " WHERE \"e\".\"name\" LIKE ? AND \"e\".\"name\" NOT LIKE ?"
                + " AND \"e\".\"name\" LIKE ? ESCAPE '!' AND \"e\".\"name\" LIKE ? ESCAPE '!' AND \"e\".\"name\" LIKE ? ESCAPE '!'"));
        assertThat(rendered.values()).containsExactly("T%", "%x", "%50!%!_off!!%", "a!_b%", "%z");
    }

    @ParameterizedTest(name = "in list [{0}]")
    @MethodSource("dialects")
    void inListIsOneArrayOrAPaddedList(String name, Dialect d) {
        var q = emp().where(and(in("e.id", param("ids")), notIn("e.name", List.of("x", "y"))));
        var rendered = renderer(d).render(q, Map.of("ids", List.of(1L, 2L, 3L)));
        if (arrays(d)) {
            assertThat(rendered.sql()).isEqualTo(EMP + " WHERE \"e\".\"id\" = ANY(?) AND \"e\".\"name\" <> ALL(?)");
            assertThat(rendered.values()).hasSize(2);
            assertThat((Object[]) rendered.values().get(0)).containsExactly(1L, 2L, 3L);
        }
        else {
            assertThat(rendered.sql()).isEqualTo(expect(d, EMP + " WHERE \"e\".\"id\" IN (?, ?, ?, ?) AND \"e\".\"name\" NOT IN (?, ?)"));
            assertThat(rendered.values()).containsExactly(1L, 2L, 3L, 3L, "x", "y");
        }
    }

    @ParameterizedTest(name = "in sizes share SQL [{0}]")
    @MethodSource("dialects")
    void listSizesArePaddedToPowersOfTwo(String name, Dialect d) {
        var r = renderer(d);
        var q = emp().where(in("e.id", param("ids")));
        String five = r.render(q, Map.of("ids", List.of(1, 2, 3, 4, 5))).sql();
        String eight = r.render(q, Map.of("ids", List.of(1, 2, 3, 4, 5, 6, 7, 8))).sql();
        String one = r.render(q, Map.of("ids", List.of(1))).sql();
        assertThat(five).isEqualTo(eight);
        if (arrays(d)) {
            assertThat(one).isEqualTo(five).endsWith("= ANY(?)");
        }
        else {
            assertThat(one).isNotEqualTo(five);
            assertThat(five).endsWith("IN (?, ?, ?, ?, ?, ?, ?, ?)");
            assertThat(one).endsWith("IN (?)");
        }
    }

    @ParameterizedTest(name = "empty in list [{0}]")
    @MethodSource("dialects")
    void emptyListsNeverRenderInParentheses(String name, Dialect d) {
        var q = emp().where(and(in("e.id", param("a")), notIn("e.id", param("b"))));
        String sql = sql(d, q, Map.of("a", List.of(), "b", List.of()));
        assertThat(sql).doesNotContain("IN ()");
        if (arrays(d)) {
            assertThat(sql).endsWith(" WHERE \"e\".\"id\" = ANY(?) AND \"e\".\"id\" <> ALL(?)");
        }
        else {
            assertThat(sql).isEqualTo(expect(d, EMP + " WHERE 1=0 AND 1=1"));
        }
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    @ParameterizedTest(name = "large in list [{0}]")
    @MethodSource("dialects")
    void listsPastTheEngineLimitsTakeTheEnginesLargeForm(String name, Dialect d) {
        var q = emp().where(and(in("e.id", param("a")), notIn("e.name", param("b"))));
        List<Long> ids = java.util.stream.LongStream.range(0, 65_537).boxed().toList();
        List<String> names = java.util.stream.IntStream.range(0, 16_385).mapToObj(i -> "n" + i).toList();
        var rendered = renderer(d).render(q, Map.of("a", ids, "b", names));
        var values = rendered.values();
        if (d instanceof PostgresDialect) {
            assertThat(rendered.sql()).isEqualTo(EMP + " WHERE \"e\".\"id\" = ANY(?) AND \"e\".\"name\" <> ALL(?)");
            assertThat(values).extracting(v -> ((Object[]) v).length).containsExactly(65_537, 16_385);
        }
        else if (d instanceof H2Dialect) {
            // H2 arrays hold at most 65,536 values: two arrays, split evenly
            assertThat(rendered.sql()).isEqualTo(EMP + " WHERE (\"e\".\"id\" = ANY(?) OR \"e\".\"id\" = ANY(?)) AND \"e\".\"name\" <> ALL(?)");
            assertThat(values).extracting(v -> ((Object[]) v).length).containsExactly(32_768, 32_769, 16_385);
        }
        else if (d instanceof SqliteDialect) {
            // past 16,384 padded placeholders: one JSON array each
            assertThat(rendered.sql()).isEqualTo(EMP + " WHERE \"e\".\"id\" IN (SELECT value FROM json_each(?))"
                    + " AND \"e\".\"name\" NOT IN (SELECT value FROM json_each(?))");
            assertThat(values).hasSize(2);
            assertThat((String) values.get(0)).startsWith("[0,1,2,").endsWith(",65535,65536]");
            assertThat((String) values.get(1)).startsWith("[\"n0\",\"n1\",").endsWith(",\"n16384\"]");
        }
        else {
            // padded to a quarter step of the next power of two: 81,920 and 20,480 placeholders
            assertThat(rendered.sql()).isEqualTo(expect(d, EMP + " WHERE \"e\".\"id\" IN (" + placeholders(81_920) + ")"
                    + " AND \"e\".\"name\" NOT IN (" + placeholders(20_480) + ")"));
            assertThat(values).hasSize(81_920 + 20_480);
            assertThat(values.get(81_919)).isEqualTo(65_536L);
        }
    }

    @ParameterizedTest(name = "large not in list [{0}]")
    @MethodSource("dialects")
    void notInPastTheEngineLimitsIsTheConjunctionOfItsParts(String name, Dialect d) {
        var q = emp().where(notIn("e.id", param("a")));
        String sql = sql(d, q, Map.of("a", java.util.stream.LongStream.range(0, 131_073).boxed().toList()));
        String where = sql.substring(expect(d, EMP).length());
        if (d instanceof PostgresDialect) {
            assertThat(where).isEqualTo(" WHERE \"e\".\"id\" <> ALL(?)");
        }
        else if (d instanceof H2Dialect) {
            // three arrays' worth, rounded up to four so that sizes share few SQL strings
            assertThat(where).isEqualTo(" WHERE (\"e\".\"id\" <> ALL(?) AND \"e\".\"id\" <> ALL(?) AND \"e\".\"id\" <> ALL(?)"
                    + " AND \"e\".\"id\" <> ALL(?))");
        }
        else if (d instanceof SqliteDialect) {
            assertThat(where).isEqualTo(" WHERE \"e\".\"id\" NOT IN (SELECT value FROM json_each(?))");
        }
        else {
            assertThat(where).isEqualTo(" WHERE `e`.`id` NOT IN (" + placeholders(163_840) + ")");
        }
    }

    @ParameterizedTest(name = "padding past 1,024 [{0}]")
    @MethodSource("dialects")
    void listsPastAThousandArePaddedInQuarterSteps(String name, Dialect d) {
        var r = renderer(d);
        var q = emp().where(in("e.id", param("ids")));
        java.util.function.IntFunction<String> sqlOf = n -> r.render(q, Map.of("ids", java.util.stream.IntStream.range(0, n).boxed().toList())).sql();
        if (arrays(d)) {
            assertThat(sqlOf.apply(1_025)).isEqualTo(sqlOf.apply(1)).endsWith("= ANY(?)");
            return;
        }
        assertThat(sqlOf.apply(1_024)).endsWith("IN (" + placeholders(1_024) + ")");
        assertThat(sqlOf.apply(1_025)).isEqualTo(sqlOf.apply(1_280)).endsWith("IN (" + placeholders(1_280) + ")");
        assertThat(sqlOf.apply(1_281)).endsWith("IN (" + placeholders(1_536) + ")");
        assertThat(sqlOf.apply(16_384)).endsWith("IN (" + placeholders(16_384) + ")");
    }

    @ParameterizedTest(name = "between and null [{0}]")
    @MethodSource("dialects")
    void betweenAndNullChecks(String name, Dialect d) {
        var q = emp().where(or(between("e.salary", 10, param("hi")), notBetween("e.salary", 0, 5), isNull("e.hired_on"),
                isNotNull("e.department_id")));
        assertThat(sql(d, q, Map.of("hi", 20))).isEqualTo(expect(d, EMP + " WHERE \"e\".\"salary\" BETWEEN ? AND ? OR \"e\".\"salary\""
                + " NOT BETWEEN ? AND ? OR \"e\".\"hired_on\" IS NULL OR \"e\".\"department_id\" IS NOT NULL"));
    }

    @ParameterizedTest(name = "nested logic [{0}]")
    @MethodSource("dialects")
    void nestedJunctionsAreParenthesised(String name, Dialect d) {
        var q = emp().where(and(or(eq("e.name", "a"), eq("e.name", "b")), not(and(eq("e.salary", 1), eq("e.active", true)))));
        assertThat(sql(d, q)).isEqualTo(expect(d, EMP + " WHERE (\"e\".\"name\" = ? OR \"e\".\"name\" = ?) AND NOT (\"e\".\"salary\" = ?"
                + " AND \"e\".\"active\" = ?)"));
    }

    @ParameterizedTest(name = "order limit offset [{0}]")
    @MethodSource("dialects")
    void orderLimitAndOffset(String name, Dialect d) {
        var q = emp().orderBy(desc("e.salary"), asc("e.name")).limit(20).offset(param("offset"));
        var rendered = renderer(d).render(q, Map.of("offset", 40));
        assertThat(rendered.sql()).isEqualTo(expect(d, EMP + " ORDER BY \"e\".\"salary\" DESC, \"e\".\"name\" LIMIT 20 OFFSET ?"));
        assertThat(rendered.values()).containsExactly(40L);
    }

    @ParameterizedTest(name = "limit literal or param [{0}]")
    @MethodSource("dialects")
    void aLiteralLimitIsWrittenAndAParamLimitIsBound(String name, Dialect d) {
        QueryRenderer renderer = renderer(d);
        var bound = renderer.render(emp().orderBy(asc("e.id")).limit(param("n")), Map.of("n", 7));
        assertThat(bound.sql()).isEqualTo(expect(d, EMP + " ORDER BY \"e\".\"id\" LIMIT ?"));
        assertThat(bound.values()).containsExactly(7L);
        // a page size is part of the query's shape: another size is another SQL string, the same size the same one
        assertThat(renderer.render(emp().orderBy(asc("e.id")).limit(10), Map.of()).sql()).endsWith(" LIMIT 10");
        assertThat(renderer.render(emp().orderBy(asc("e.id")).limit(25), Map.of()).sql()).endsWith(" LIMIT 25");
        assertThat(renderer.render(emp().orderBy(asc("e.id")).limit(10), Map.of()).sql()).endsWith(" LIMIT 10");
    }

    @ParameterizedTest(name = "offset without limit [{0}]")
    @MethodSource("dialects")
    void offsetWithoutLimit(String name, Dialect d) {
        String tail = switch (d.name()) {
            case "mysql", "mariadb" -> " LIMIT 18446744073709551615 OFFSET ?";
            case "sqlite" -> " LIMIT -1 OFFSET ?";
            default -> " OFFSET ?";
        };
        assertThat(sql(d, emp().offset(5))).isEqualTo(expect(d, EMP) + tail);
    }

    @ParameterizedTest(name = "aggregates group having [{0}]")
    @MethodSource("dialects")
    void aggregatesGroupByAndHaving(String name, Dialect d) {
        var q = emp().select(col("e.department_id"), count().as("n"), sum("e.salary"), avg("e.salary"), min("e.salary"),
                max("e.salary"), countDistinct("e.name")).groupBy("e.department_id").having(gt(count(), 2)).orderBy(desc("n"));
        assertThat(sql(d, q)).isEqualTo(expect(d, "SELECT \"e\".\"department_id\", COUNT(*) AS \"n\", SUM(\"e\".\"salary\") AS \"sum_salary\","
                + " AVG(\"e\".\"salary\") AS \"avg_salary\", MIN(\"e\".\"salary\") AS \"min_salary\", MAX(\"e\".\"salary\") AS \"max_salary\","
                + " COUNT(DISTINCT \"e\".\"name\") AS \"count_name\" FROM \"employees\" \"e\" GROUP BY \"e\".\"department_id\""
                + " HAVING COUNT(*) > ? ORDER BY \"n\" DESC"));
    }

    @ParameterizedTest(name = "distinct select [{0}]")
    @MethodSource("dialects")
    void distinctSelectOfColumns(String name, Dialect d) {
        assertThat(sql(d, emp().select("e.name", "department_id").distinct()))
                .isEqualTo(expect(d, "SELECT DISTINCT \"e\".\"name\", \"e\".\"department_id\" FROM \"employees\" \"e\""));
    }

    @ParameterizedTest(name = "relation joins [{0}]")
    @MethodSource("dialects")
    void relationJoinsAddTheirColumnsUnderLabels(String name, Dialect d) {
        var q = emp().join(inner("department")).join(left("company").through("department")).where(eq("company.name", "Acme"));
        assertThat(sql(d, q)).isEqualTo(expect(d, "SELECT \"e\".\"id\", \"e\".\"department_id\", \"e\".\"name\", \"e\".\"salary\", \"e\".\"active\","
                + " \"e\".\"hired_on\", \"department\".\"id\" AS \"department.id\", \"department\".\"company_id\" AS \"department.company_id\","
                + " \"department\".\"name\" AS \"department.name\", \"department\".\"budget\" AS \"department.budget\","
                + " \"company\".\"id\" AS \"company.id\", \"company\".\"name\" AS \"company.name\", \"company\".\"industry\" AS \"company.industry\","
                + " \"company\".\"founded\" AS \"company.founded\" FROM \"employees\" \"e\""
                + " INNER JOIN \"departments\" \"department\" ON \"department\".\"id\" = \"e\".\"department_id\""
                + " LEFT JOIN \"companies\" \"company\" ON \"company\".\"id\" = \"department\".\"company_id\" WHERE \"company\".\"name\" = ?"));
    }

    @ParameterizedTest(name = "explicit join [{0}]")
    @MethodSource("dialects")
    void explicitJoinByModelAndCondition(String name, Dialect d) {
        var q = ModelQuery.from(Department.class, "d").select(col("d.name"), col("c.name").as("company"))
                .join(inner(Company.class, "c").on(and(eq("c.id", col("d.company_id")), eq("c.industry", "Tech"))));
        assertThat(sql(d, q)).isEqualTo(expect(d, "SELECT \"d\".\"name\", \"c\".\"name\" AS \"company\" FROM \"departments\" \"d\""
                + " INNER JOIN \"companies\" \"c\" ON \"c\".\"id\" = \"d\".\"company_id\" AND \"c\".\"industry\" = ?"));
    }

    @ParameterizedTest(name = "subqueries [{0}]")
    @MethodSource("dialects")
    void inSubqueryAndCorrelatedExists(String name, Dialect d) {
        var tech = ModelQuery.from(Department.class, "d").select("d.id").where(eq("d.name", "Sales"));
        var hasPeers = ModelQuery.from(Employee.class, "o").where(and(eq("o.department_id", col("e.department_id")),
                gt("o.salary", col("e.salary"))));
        var q = emp().where(and(in("e.department_id", tech), notExists(hasPeers)));
        assertThat(sql(d, q)).isEqualTo(expect(d, EMP + " WHERE \"e\".\"department_id\" IN (SELECT \"d\".\"id\" FROM \"departments\" \"d\""
                + " WHERE \"d\".\"name\" = ?) AND NOT EXISTS (SELECT \"o\".\"id\", \"o\".\"department_id\", \"o\".\"name\", \"o\".\"salary\","
                + " \"o\".\"active\", \"o\".\"hired_on\" FROM \"employees\" \"o\" WHERE \"o\".\"department_id\" = \"e\".\"department_id\""
                + " AND \"o\".\"salary\" > \"e\".\"salary\")"));
    }

    @ParameterizedTest(name = "from subquery [{0}]")
    @MethodSource("dialects")
    void subqueryInFrom(String name, Dialect d) {
        var inner = emp().where(eq("e.active", true));
        var q = ModelQuery.from(Employee.class, "x").from(inner).where(gt("x.salary", 5)).orderBy(asc("x.name"));
        assertThat(sql(d, q)).isEqualTo(expect(d, "SELECT \"x\".\"id\", \"x\".\"department_id\", \"x\".\"name\", \"x\".\"salary\","
                + " \"x\".\"active\", \"x\".\"hired_on\" FROM (" + EMP + " WHERE \"e\".\"active\" = ?) \"x\" WHERE \"x\".\"salary\" > ?"
                + " ORDER BY \"x\".\"name\""));
    }

    @ParameterizedTest(name = "union all [{0}]")
    @MethodSource("dialects")
    void unionAllAppliesOrderAndLimitToTheWhole(String name, Dialect d) {
        var q = emp().where(eq("e.salary", 1)).unionAll(emp().where(eq("e.salary", 2))).orderBy(desc("e.salary")).limit(3);
        var rendered = renderer(d).render(q, Map.of());
        assertThat(rendered.sql()).isEqualTo(expect(d, "SELECT * FROM (" + EMP + " WHERE \"e\".\"salary\" = ? UNION ALL " + EMP
                + " WHERE \"e\".\"salary\" = ?) \"e\" ORDER BY \"e\".\"salary\" DESC LIMIT 3"));
        assertThat(rendered.values()).containsExactly(1, 2);
    }

    @ParameterizedTest(name = "raw [{0}]")
    @MethodSource("dialects")
    void rawSqlIsTheExplicitEscapeHatchAndStillBinds(String name, Dialect d) {
        var q = emp().where(and(raw("LOWER(e.name) = ?", param("n")), eq("e.active", true)));
        var rendered = renderer(d).render(q, Map.of("n", "x'; DROP TABLE employees; --"));
        assertThat(rendered.sql()).isEqualTo(expect(d, EMP + " WHERE ") + "LOWER(e.name) = ?" + expect(d, " AND \"e\".\"active\" = ?"));
        assertThat(rendered.values()).containsExactly("x'; DROP TABLE employees; --", true);
    }

    @ParameterizedTest(name = "count [{0}]")
    @MethodSource("dialects")
    void countIgnoresOrderAndPagingAndCountsDistinctParentsOverHasMany(String name, Dialect d) {
        var r = renderer(d);
        var q = emp().where(eq("e.active", true)).orderBy(asc("e.name")).limit(10).offset(5);
        assertThat(r.renderCount(q, Map.of()).sql()).isEqualTo(expect(d, "SELECT COUNT(*) FROM \"employees\" \"e\" WHERE \"e\".\"active\" = ?"));
        var withChildren = ModelQuery.from(Department.class, "d").join(inner("employees"));
        assertThat(r.renderCount(withChildren, Map.of()).sql()).isEqualTo(expect(d, "SELECT COUNT(DISTINCT \"d\".\"id\") FROM"
                + " \"departments\" \"d\" INNER JOIN \"employees\" \"employees\" ON \"employees\".\"department_id\" = \"d\".\"id\""));
        var grouped = emp().select(col("e.department_id"), count().as("n")).groupBy("e.department_id");
        assertThat(r.renderCount(grouped, Map.of()).sql()).isEqualTo(expect(d, "SELECT COUNT(*) FROM (SELECT \"e\".\"department_id\","
                + " COUNT(*) AS \"n\" FROM \"employees\" \"e\" GROUP BY \"e\".\"department_id\") \"count_\""));
    }

    @Test
    void lockClausesPerDialect() {
        var q = emp().where(eq("e.id", 1));
        String base = EMP + " WHERE \"e\".\"id\" = ?";
        assertThat(renderer(PostgresDialect.INSTANCE).render(q, Map.of(), dev.modelrepo.lock.LockOptions.forUpdate().skipLocked().request()).sql())
                .isEqualTo(base + " FOR UPDATE SKIP LOCKED");
        assertThat(renderer(PostgresDialect.INSTANCE).render(q, Map.of(), dev.modelrepo.lock.LockOptions.forNoKeyUpdate().of("e").nowait().request()).sql())
                .isEqualTo(base + " FOR NO KEY UPDATE OF \"e\" NOWAIT");
        assertThat(renderer(MySqlDialect.INSTANCE).render(q, Map.of(), dev.modelrepo.lock.LockOptions.forShare().nowait().request()).sql())
                .isEqualTo(expect(MySqlDialect.INSTANCE, base) + " FOR SHARE NOWAIT");
        assertThat(renderer(MariaDbDialect.INSTANCE).render(q, Map.of(), dev.modelrepo.lock.LockOptions.forShare().wait(java.time.Duration.ofSeconds(3)).request()).sql())
                .isEqualTo(expect(MariaDbDialect.INSTANCE, base) + " LOCK IN SHARE MODE WAIT 3");
        assertThat(renderer(H2Dialect.INSTANCE).render(q, Map.of(), dev.modelrepo.lock.LockOptions.forUpdate().wait(java.time.Duration.ofMillis(1500)).request()).sql())
                .isEqualTo(base + " FOR UPDATE WAIT 2");
        assertThat(renderer(SqliteDialect.INSTANCE).render(q, Map.of(), dev.modelrepo.lock.LockOptions.immediate().request()).sql()).isEqualTo(base);
    }

    @Test
    void lockModesAnEngineCannotDoFailBeforeAnySql() {
        var q = emp();
        assertThatThrownBy(() -> renderer(H2Dialect.INSTANCE).render(q, Map.of(), dev.modelrepo.lock.LockOptions.forShare().request()))
                .isInstanceOf(dev.modelrepo.dialect.UnsupportedLockException.class).hasMessageContaining("h2").hasMessageContaining("SHARE");
        assertThatThrownBy(() -> renderer(MariaDbDialect.INSTANCE).render(q, Map.of(), dev.modelrepo.lock.LockOptions.forUpdate().of("e").request()))
                .isInstanceOf(dev.modelrepo.dialect.UnsupportedLockException.class).hasMessageContaining("OF");
        assertThatThrownBy(() -> renderer(MariaDbDialect.forVersion(10, 5)).render(q, Map.of(), dev.modelrepo.lock.LockOptions.forUpdate().skipLocked().request()))
                .isInstanceOf(dev.modelrepo.dialect.UnsupportedLockException.class).hasMessageContaining("10.6");
        assertThatThrownBy(() -> renderer(SqliteDialect.INSTANCE).render(q, Map.of(), dev.modelrepo.lock.LockOptions.forUpdate().skipLocked().request()))
                .isInstanceOf(dev.modelrepo.dialect.UnsupportedLockException.class).hasMessageContaining("sqlite").hasMessageContaining("SKIP LOCKED");
        assertThatThrownBy(() -> renderer(PostgresDialect.INSTANCE).render(q, Map.of(), dev.modelrepo.lock.LockOptions.forUpdate().wait(java.time.Duration.ofSeconds(1)).request()))
                .isInstanceOf(dev.modelrepo.dialect.UnsupportedLockException.class).hasMessageContaining("WAIT");
    }

    @Test
    void toSqlInlinesLiteralsForDebuggingOnly() {
        var r = renderer(MySqlDialect.INSTANCE);
        var q = emp().where(and(eq("e.name", "O'Brien\\"), in("e.id", param("ids")))).limit(2);
        assertThat(r.inline(q, Map.of("ids", List.of(1L, 2L))))
                .isEqualTo("SELECT `e`.`id`, `e`.`department_id`, `e`.`name`, `e`.`salary`, `e`.`active`, `e`.`hired_on` FROM `employees` `e`"
                        + " WHERE `e`.`name` = 'O''Brien\\\\' AND `e`.`id` IN (1, 2) LIMIT 2");
    }
}

package dev.modelrepo.query;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.modelrepo.dialect.MySqlDialect;
import dev.modelrepo.dialect.PostgresDialect;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.fixtures.OfflineSchema;

/** The render cache: equal shapes hit whatever their values, changed queries miss, the bound holds. */
class QueryCacheTests {

    private static ModelQuery<Employee> byAge(int age) {
        return ModelQuery.from(Employee.class, "u").where(eq("u.salary", age)).orderBy(asc("u.name"));
    }

    @Test
    void aSecondExecutionOfAnEqualQueryDoesNotRender() {
        QueryCache cache = new QueryCache();
        QueryRenderer renderer = new QueryRenderer(OfflineSchema.registry(PostgresDialect.INSTANCE), cache);
        renderer.render(byAge(30), Map.of());
        assertThat(cache.stats().misses()).isEqualTo(1);
        renderer.render(byAge(31), Map.of());          // rebuilt, other literal: same shape
        renderer.render(byAge(30), Map.of());
        assertThat(cache.stats().misses()).isEqualTo(1);
        assertThat(cache.stats().hits()).isEqualTo(2);
        assertThat(cache.stats().size()).isEqualTo(1);
        assertThat(renderer.render(byAge(31), Map.of()).values()).containsExactly(31);
    }

    @Test
    void aChangedQueryMisses() {
        QueryCache cache = new QueryCache();
        QueryRenderer renderer = new QueryRenderer(OfflineSchema.registry(PostgresDialect.INSTANCE), cache);
        renderer.render(byAge(30), Map.of());
        renderer.render(byAge(30).limit(5), Map.of());
        renderer.render(ModelQuery.from(Employee.class, "u").where(gt("u.salary", 30)).orderBy(asc("u.name")), Map.of());
        assertThat(cache.stats().misses()).isEqualTo(3);
        assertThat(cache.stats().hits()).isZero();
    }

    @Test
    void listSizesShareAnEntryAndExpandAtExecution() {
        QueryCache cache = new QueryCache();
        QueryRenderer renderer = new QueryRenderer(OfflineSchema.registry(MySqlDialect.INSTANCE), cache);
        var q = ModelQuery.from(Employee.class, "u").where(in("u.id", param("ids")));
        assertThat(renderer.render(q, Map.of("ids", List.of(1, 2, 3))).sql()).endsWith("IN (?, ?, ?, ?)");
        assertThat(renderer.render(q, Map.of("ids", List.of(1, 2, 3, 4, 5))).sql()).endsWith("IN (?, ?, ?, ?, ?, ?, ?, ?)");
        assertThat(cache.stats().misses()).isEqualTo(1);
    }

    @Test
    void theCacheIsBounded() {
        QueryCache cache = new QueryCache(5);
        QueryRenderer renderer = new QueryRenderer(OfflineSchema.registry(PostgresDialect.INSTANCE), cache);
        for (int limit = 1; limit <= 50; limit++) {
            renderer.render(ModelQuery.from(Employee.class, "u" + limit), Map.of());
        }
        assertThat(cache.stats().size()).isLessThanOrEqualTo(5);
        assertThat(cache.stats().evictions()).isGreaterThanOrEqualTo(45);
    }

    @Test
    void aDisabledCacheRendersEveryTime() {
        QueryCache cache = QueryCache.disabled();
        QueryRenderer renderer = new QueryRenderer(OfflineSchema.registry(PostgresDialect.INSTANCE), cache);
        renderer.render(byAge(1), Map.of());
        renderer.render(byAge(1), Map.of());
        assertThat(cache.enabled()).isFalse();
        assertThat(cache.stats().hits()).isZero();
    }

    @Test
    void aQueryObjectRunAgainIsAnsweredFromWhatItRemembersAndCountsAsAHit() {
        QueryCache cache = new QueryCache();
        QueryRenderer renderer = new QueryRenderer(OfflineSchema.registry(PostgresDialect.INSTANCE), cache);
        var q = ModelQuery.from(Employee.class, "u").where(eq("u.salary", param("s")));
        String sql = renderer.render(q, Map.of("s", 1)).sql();
        for (int i = 2; i <= 4; i++) {
            var rendered = renderer.render(q, Map.of("s", i));
            assertThat(rendered.sql()).isEqualTo(sql);
            assertThat(rendered.values()).containsExactly(i);   // bound anew on every run
        }
        assertThat(cache.stats().misses()).isEqualTo(1);
        assertThat(cache.stats().hits()).isEqualTo(3);
        // another purpose of the same object is its own entry
        assertThat(renderer.renderCount(q, Map.of("s", 5)).sql()).startsWith("SELECT COUNT(");
        assertThat(cache.stats().misses()).isEqualTo(2);
    }

    @Test
    void aClearedCacheForgetsWhatQueryObjectsRemember() {
        QueryCache cache = new QueryCache();
        QueryRenderer renderer = new QueryRenderer(OfflineSchema.registry(PostgresDialect.INSTANCE), cache);
        var q = byAge(30);
        renderer.render(q, Map.of());
        renderer.render(q, Map.of());
        cache.clear();
        renderer.render(q, Map.of());
        assertThat(cache.stats().misses()).isEqualTo(2);
        assertThat(cache.stats().size()).isEqualTo(1);
        renderer.render(q, Map.of());
        assertThat(cache.stats().misses()).isEqualTo(2);
    }

    @Test
    void aQueryObjectRemembersPerCacheAndDialect() {
        QueryCache postgres = new QueryCache();
        QueryCache other = new QueryCache();
        QueryRenderer first = new QueryRenderer(OfflineSchema.registry(PostgresDialect.INSTANCE), postgres);
        QueryRenderer second = new QueryRenderer(OfflineSchema.registry(PostgresDialect.INSTANCE), other);
        QueryRenderer mysql = new QueryRenderer(OfflineSchema.registry(MySqlDialect.INSTANCE), postgres);
        var q = byAge(30).limit(3);
        first.render(q, Map.of());
        second.render(q, Map.of());                        // another cache: its own miss, not the first cache's answer
        assertThat(other.stats().misses()).isEqualTo(1);
        String mysqlSql = mysql.render(q, Map.of()).sql();  // the same cache, another dialect: compiled for MySQL
        assertThat(mysqlSql).contains("`").doesNotContain("\"");
        assertThat(postgres.stats().misses()).isEqualTo(2);
        assertThat(first.render(q, Map.of()).sql()).contains("\"").doesNotContain("`");
        assertThat(postgres.stats().hits()).isEqualTo(1);
    }

    @Test
    void aDisabledCacheRemembersNothing() {
        QueryCache cache = QueryCache.disabled();
        QueryRenderer renderer = new QueryRenderer(OfflineSchema.registry(PostgresDialect.INSTANCE), cache);
        var q = byAge(1);
        renderer.render(q, Map.of());
        renderer.render(q, Map.of());
        assertThat(cache.stats().hits()).isZero();
        assertThat(cache.stats().misses()).isZero();
    }

    @Test
    void queriesAreValuesWithStructuralEquality() {
        assertThat(byAge(30)).isEqualTo(byAge(30)).hasSameHashCodeAs(byAge(30));
        assertThat(byAge(30)).isNotEqualTo(byAge(31));
        var base = ModelQuery.from(Employee.class, "u");
        var filtered = base.where(eq("u.name", "x"));
        assertThat(base.spec().where()).isNull();
        assertThat(filtered).isNotEqualTo(base);
    }
}

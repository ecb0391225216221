package dev.modelrepo.query;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.MySqlDialect;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.fixtures.OfflineSchema;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.query.internal.CompiledQuery;
import dev.modelrepo.query.internal.ParameterBinder;
import dev.modelrepo.query.internal.Purpose;
import dev.modelrepo.query.internal.QueryCompiler;

/**
 * The whole SQL of the statements that keep rows by the keys a subquery selects, per dialect: {@code updateWhere} and
 * {@code deleteWhere} of a query with joins or paging, and the page of parents when a has-many relation is joined.
 */
class KeySubqueryRenderingTests {

    static Stream<Arguments> dialects() {
        return RenderingTests.ALL.stream().map(d -> Arguments.of(d.name(), d));
    }

    private static final String DEPT = "\"d\".\"id\", \"d\".\"company_id\", \"d\".\"name\", \"d\".\"budget\"";

    private static final String EMPLOYEES = "\"employees\".\"id\" AS \"employees.id\", \"employees\".\"department_id\" AS"
            + " \"employees.department_id\", \"employees\".\"name\" AS \"employees.name\", \"employees\".\"salary\" AS"
            + " \"employees.salary\", \"employees\".\"active\" AS \"employees.active\", \"employees\".\"hired_on\" AS \"employees.hired_on\"";

    private static final String JOIN = " FROM \"departments\" \"d\" INNER JOIN \"employees\" \"employees\""
            + " ON \"employees\".\"department_id\" = \"d\".\"id\"";

    private static String expect(Dialect dialect, String neutral) {
        return dialect instanceof MySqlDialect ? neutral.replace('"', '`') : neutral;
    }

    private static String write(Dialect d, ModelQuery<?> query, boolean update) {
        ModelRegistry registry = OfflineSchema.registry(d);
        var set = update ? List.of(registry.table(Employee.class).column("name")) : null;
        CompiledQuery compiled = new QueryCompiler(registry).compileWrite(query.shape().spec(), set);
        return compiled.baseSql();
    }

    private static String read(Dialect d, ModelQuery<?> query, Purpose purpose) {
        return new QueryCompiler(OfflineSchema.registry(d)).compile(query.shape().spec(), purpose, null).baseSql();
    }

    private static ModelQuery<Employee> emp() {
        return ModelQuery.from(Employee.class, "e");
    }

    @ParameterizedTest(name = "write by a plain query [{0}]")
    @MethodSource("dialects")
    void aPlainQueryWritesWithItsOwnCondition(String name, Dialect d) {
        var q = emp().where(eq("e.active", true));
        assertThat(write(d, q, true)).isEqualTo(expect(d, "UPDATE \"employees\" SET \"name\" = ? WHERE \"employees\".\"active\" = ?"));
        assertThat(write(d, q, false)).isEqualTo(expect(d, "DELETE FROM \"employees\" WHERE \"employees\".\"active\" = ?"));
        assertThat(write(d, emp(), false)).isEqualTo(expect(d, "DELETE FROM \"employees\""));
    }

    @ParameterizedTest(name = "write by a joined query [{0}]")
    @MethodSource("dialects")
    void aJoinedQueryWritesTheKeysItSelects(String name, Dialect d) {
        var q = emp().join(inner(Department.class, "d").on(eq("d.id", col("e.department_id")))).where(eq("d.name", "Sales"));
        String keys = " WHERE \"id\" IN (SELECT \"p_\".\"id\" FROM (SELECT \"e\".\"id\" FROM \"employees\" \"e\" INNER JOIN"
                + " \"departments\" \"d\" ON \"d\".\"id\" = \"e\".\"department_id\" WHERE \"d\".\"name\" = ?) \"p_\")";
        assertThat(write(d, q, true)).isEqualTo(expect(d, "UPDATE \"employees\" SET \"name\" = ?" + keys));
        assertThat(write(d, q, false)).isEqualTo(expect(d, "DELETE FROM \"employees\"" + keys));
    }

    @ParameterizedTest(name = "write by a paged query [{0}]")
    @MethodSource("dialects")
    void aPagedQueryWritesTheKeysOfItsPage(String name, Dialect d) {
        var q = emp().where(gt("e.salary", 10)).orderBy(desc("e.salary")).limit(5).offset(param("from"));
        assertThat(write(d, q, false)).isEqualTo(expect(d, "DELETE FROM \"employees\" WHERE \"id\" IN (SELECT \"p_\".\"id\" FROM"
                + " (SELECT \"e\".\"id\" FROM \"employees\" \"e\" WHERE \"e\".\"salary\" > ? ORDER BY \"e\".\"salary\" DESC"
                + " LIMIT 5 OFFSET ?) \"p_\")"));
        ModelRegistry registry = OfflineSchema.registry(d);
        CompiledQuery compiled = new QueryCompiler(registry).compileWrite(q.shape().spec(), null);
        assertThat(ParameterBinder.bind(compiled, q.shape().literals(), Map.of("from", 3)).values()).containsExactly(10, 3L);
    }

    @ParameterizedTest(name = "page of parents [{0}]")
    @MethodSource("dialects")
    void aHasManyJoinPagesParentsThroughTheirKeys(String name, Dialect d) {
        var q = ModelQuery.from(Department.class, "d").join(inner("employees")).where(eq("d.name", "Sales"))
                .orderBy(asc("d.name"), asc("d.id")).limit(10).offset(5);
        String page = "\"d\".\"id\" IN (SELECT \"p_\".\"id\" FROM (SELECT DISTINCT \"d\".\"id\", \"d\".\"name\"" + JOIN
                + " WHERE \"d\".\"name\" = ? ORDER BY \"d\".\"name\", \"d\".\"id\"" + " LIMIT 10 OFFSET ?) \"p_\")";
        assertThat(read(d, q, Purpose.LIST)).isEqualTo(expect(d, "SELECT " + DEPT + ", " + EMPLOYEES + JOIN
                + " WHERE \"d\".\"name\" = ? AND " + page + " ORDER BY \"d\".\"name\", \"d\".\"id\""));
        var rendered = new QueryRenderer(OfflineSchema.registry(d), new QueryCache()).render(q, Map.of());
        assertThat(rendered.sql()).isEqualTo(read(d, q, Purpose.LIST));
        assertThat(rendered.values()).containsExactly("Sales", "Sales", 5L);
    }

    @ParameterizedTest(name = "first parent [{0}]")
    @MethodSource("dialects")
    void theFirstParentOfAHasManyJoinIsAPageOfOne(String name, Dialect d) {
        var q = ModelQuery.from(Department.class, "d").join(left("employees")).where(and(eq("d.name", "a"), eq("d.budget", 1)));
        String page = "\"d\".\"id\" IN (SELECT \"p_\".\"id\" FROM (SELECT DISTINCT \"d\".\"id\"" + JOIN.replace("INNER", "LEFT")
                + " WHERE \"d\".\"name\" = ? AND \"d\".\"budget\" = ?" + " LIMIT 1) \"p_\")";
        assertThat(read(d, q, Purpose.FIRST)).isEqualTo(expect(d, "SELECT " + DEPT + ", " + EMPLOYEES + JOIN.replace("INNER", "LEFT")
                + " WHERE (\"d\".\"name\" = ? AND \"d\".\"budget\" = ?) AND " + page));
    }
}

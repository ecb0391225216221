package dev.modelrepo.query;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Types;
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
import dev.modelrepo.dialect.UnsupportedJoinException;
import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.fixtures.OfflineSchema;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.ColumnTypeInfo;
import dev.modelrepo.schema.TableMetadata;

/**
 * The whole SQL of the read shapes real queries need, per dialect, rendered offline (in the style of
 * {@link RenderingTests}): RIGHT, FULL and CROSS joins or the typed error where the engine has none, a table joined
 * without a model class, UNION, ORDER BY a select alias, raw SQL as a subquery, a model bound as its key and an
 * unconverted value.
 */
class ReadShapesRenderingTests {

    static Stream<Arguments> dialects() {
        return RenderingTests.ALL.stream().map(d -> Arguments.of(d.name(), d));
    }

    private static final String EMP = RenderingTests.EMP;

    private static String expect(Dialect dialect, String neutral) {
        return dialect instanceof MySqlDialect ? neutral.replace('"', '`') : neutral;
    }

    /** The offline test schema plus {@code badges}, a table no model class maps. */
    private static QueryRenderer renderer(Dialect dialect) {
        ModelRegistry registry = OfflineSchema.registry(dialect);
        var employee = column(dialect, "employee_id", Types.BIGINT, "BIGINT");
        var label = column(dialect, "label", Types.VARCHAR, "VARCHAR");
        registry.define(new TableMetadata("badges", null, false, List.of(employee, label)));
        return new QueryRenderer(registry, new QueryCache());
    }

    private static ColumnMetadata column(Dialect dialect, String name, int type, String typeName) {
        var kind = dialect.columnKind(new ColumnTypeInfo(type, typeName, 0, 0, false, false));
        return new ColumnMetadata(name, type, typeName, 0, 0, false, null, false, false, kind);
    }

    private static String sql(Dialect dialect, ModelQuery<?> q) {
        return renderer(dialect).render(q, Map.of()).sql();
    }

    private static ModelQuery<Employee> emp() {
        return ModelQuery.from(Employee.class, "e");
    }

    private static ModelQuery<Employee> namesAndDepartments(Join join) {
        return emp().select(col("e.name"), col("d.name").as("dept")).join(join);
    }

    private static final String NAMES = "SELECT \"e\".\"name\", \"d\".\"name\" AS \"dept\" FROM \"employees\" \"e\"";

    private static boolean hasFullJoin(Dialect d) {
        return d instanceof PostgresDialect || d instanceof SqliteDialect;
    }

    private static String rowsSql(Dialect dialect, ModelQuery<?> q) {
        return renderer(dialect).renderRows(q, Map.of()).sql();
    }

    private static final String ROOT_PRESENT = " WHERE \"e\".\"id\" IS NOT NULL";

    @ParameterizedTest(name = "right join [{0}]")
    @MethodSource("dialects")
    void aRightJoinByModelAndByRelation(String name, Dialect d) {
        var byModel = namesAndDepartments(right(Department.class, "d").on(eq("d.id", col("e.department_id"))));
        String joined = NAMES + " RIGHT JOIN \"departments\" \"d\" ON \"d\".\"id\" = \"e\".\"department_id\"";
        assertThat(rowsSql(d, byModel)).isEqualTo(expect(d, joined));
        assertThat(sql(d, byModel)).isEqualTo(expect(d, joined + ROOT_PRESENT));
        assertThat(rowsSql(d, emp().select("e.name").join(right("department"))))
                .isEqualTo(expect(d, "SELECT \"e\".\"name\" FROM \"employees\" \"e\" RIGHT JOIN \"departments\" \"department\""
                        + " ON \"department\".\"id\" = \"e\".\"department_id\""));
    }

    /** Model reads of a RIGHT join keep the rows with a root row, before grouping and paging; rows(...) keeps every row. */
    @ParameterizedTest(name = "rows without a root [{0}]")
    @MethodSource("dialects")
    void modelReadsOfARightJoinKeepTheRowsThatHaveARoot(String name, Dialect d) {
        var q = emp().select(col("e.name")).join(right("department")).where(raw("e.salary > ? OR e.active = ?", 1, true));
        String from = " FROM \"employees\" \"e\" RIGHT JOIN \"departments\" \"department\" ON \"department\".\"id\" = \"e\".\"department_id\"";
        assertThat(sql(d, q)).isEqualTo(expect(d, "SELECT \"e\".\"name\"" + from
                + " WHERE (e.salary > ? OR e.active = ?) AND \"e\".\"id\" IS NOT NULL"));
        assertThat(rowsSql(d, q)).isEqualTo(expect(d, "SELECT \"e\".\"name\"" + from + " WHERE e.salary > ? OR e.active = ?"));
        assertThat(renderer(d).renderCount(emp().join(right("department")), Map.of()).sql())
                .isEqualTo(expect(d, "SELECT COUNT(*)" + from + ROOT_PRESENT));
        assertThat(sql(d, emp().join(left("department")))).doesNotContain("IS NOT NULL");
        // a has-many RIGHT join pages parents that exist: the page's keys come from rows with a root
        String paged = sql(d, ModelQuery.from(Department.class, "d").join(right("employees")).limit(2));
        String rightEmployees = " FROM \"departments\" \"d\" RIGHT JOIN \"employees\" \"employees\""
                + " ON \"employees\".\"department_id\" = \"d\".\"id\" WHERE \"d\".\"id\" IS NOT NULL";
        assertThat(paged).isEqualTo(expect(d, "SELECT \"d\".\"id\", \"d\".\"company_id\", \"d\".\"name\", \"d\".\"budget\","
                + " \"employees\".\"id\" AS \"employees.id\", \"employees\".\"department_id\" AS \"employees.department_id\","
                + " \"employees\".\"name\" AS \"employees.name\", \"employees\".\"salary\" AS \"employees.salary\","
                + " \"employees\".\"active\" AS \"employees.active\", \"employees\".\"hired_on\" AS \"employees.hired_on\"" + rightEmployees
                + " AND \"d\".\"id\" IN (SELECT \"p_\".\"id\" FROM (SELECT DISTINCT \"d\".\"id\"" + rightEmployees + " LIMIT 2) \"p_\")"));
    }

    @ParameterizedTest(name = "full join [{0}]")
    @MethodSource("dialects")
    void aFullJoinOrATypedErrorNamingTheEngine(String name, Dialect d) {
        var q = namesAndDepartments(full(Department.class, "d").on(eq("d.id", col("e.department_id"))));
        if (hasFullJoin(d)) {
            String joined = NAMES + " FULL JOIN \"departments\" \"d\" ON \"d\".\"id\" = \"e\".\"department_id\"";
            assertThat(rowsSql(d, q)).isEqualTo(joined);
            assertThat(sql(d, q)).isEqualTo(joined + ROOT_PRESENT);
        }
        else {
            assertThatThrownBy(() -> sql(d, q)).isInstanceOf(UnsupportedJoinException.class).hasMessageContaining(d.name())
                    .hasMessageContaining("FULL JOIN");
            assertThatThrownBy(() -> rowsSql(d, q)).isInstanceOf(UnsupportedJoinException.class);
        }
    }

    @Test
    void sqliteBefore339HasNoRightOrFullJoin() {
        Dialect old = SqliteDialect.forVersion(3, 38);
        assertThatThrownBy(() -> sql(old, namesAndDepartments(right(Department.class, "d").on(eq("d.id", col("e.department_id"))))))
                .isInstanceOf(UnsupportedJoinException.class).hasMessageContaining("RIGHT JOIN").hasMessageContaining("3.39")
                .hasMessageContaining("3.38");
        assertThatThrownBy(() -> sql(old, namesAndDepartments(full(Department.class, "d").on(eq("d.id", col("e.department_id"))))))
                .isInstanceOf(UnsupportedJoinException.class).hasMessageContaining("FULL JOIN");
        assertThat(sql(old, namesAndDepartments(left(Department.class, "d").on(eq("d.id", col("e.department_id"))))))
                .isEqualTo(NAMES + " LEFT JOIN \"departments\" \"d\" ON \"d\".\"id\" = \"e\".\"department_id\"");
        assertThat(SqliteDialect.forVersion(3, 39)).isSameAs(SqliteDialect.INSTANCE);
    }

    @ParameterizedTest(name = "cross join [{0}]")
    @MethodSource("dialects")
    void aCrossJoinHasNoCondition(String name, Dialect d) {
        var q = ModelQuery.from(Company.class, "c").select(col("c.name"), col("d.name").as("dept")).join(cross(Department.class, "d"))
                .where(eq("c.id", 1));
        assertThat(sql(d, q)).isEqualTo(expect(d, "SELECT \"c\".\"name\", \"d\".\"name\" AS \"dept\" FROM \"companies\" \"c\""
                + " CROSS JOIN \"departments\" \"d\" WHERE \"c\".\"id\" = ?"));
        assertThatThrownBy(() -> sql(d, emp().join(inner(Department.class, "d")))).isInstanceOf(dev.modelrepo.query.error.InvalidQueryException.class)
                .hasMessageContaining(".on(");
    }

    @ParameterizedTest(name = "table join [{0}]")
    @MethodSource("dialects")
    void aTableWithoutAModelJoinsByNameWithItsColumnsLabelled(String name, Dialect d) {
        var q = emp().join(left(table("badges"), "b").on(eq("b.employee_id", col("e.id")))).where(eq("b.label", "gold"));
        var rendered = renderer(d).render(q, Map.of());
        assertThat(rendered.sql()).isEqualTo(expect(d, "SELECT \"e\".\"id\", \"e\".\"department_id\", \"e\".\"name\", \"e\".\"salary\","
                + " \"e\".\"active\", \"e\".\"hired_on\", \"b\".\"employee_id\" AS \"b.employee_id\", \"b\".\"label\" AS \"b.label\""
                + " FROM \"employees\" \"e\" LEFT JOIN \"badges\" \"b\" ON \"b\".\"employee_id\" = \"e\".\"id\" WHERE \"b\".\"label\" = ?"));
        assertThat(rendered.values()).containsExactly("gold");
        assertThat(sql(d, emp().select(col("e.name")).join(cross(table("badges"), "b")))).isEqualTo(expect(d,
                "SELECT \"e\".\"name\" FROM \"employees\" \"e\" CROSS JOIN \"badges\" \"b\""));
    }

    @ParameterizedTest(name = "union [{0}]")
    @MethodSource("dialects")
    void unionAndUnionAllKeepTheirOrder(String name, Dialect d) {
        var q = emp().where(eq("e.salary", 1)).union(emp().where(eq("e.salary", 2))).unionAll(emp().where(eq("e.salary", 3)))
                .orderBy(desc("e.salary")).limit(3);
        var rendered = renderer(d).render(q, Map.of());
        assertThat(rendered.sql()).isEqualTo(expect(d, "SELECT * FROM (" + EMP + " WHERE \"e\".\"salary\" = ? UNION " + EMP
                + " WHERE \"e\".\"salary\" = ? UNION ALL " + EMP + " WHERE \"e\".\"salary\" = ?) \"e\" ORDER BY \"e\".\"salary\" DESC LIMIT 3"));
        assertThat(rendered.values()).containsExactly(1, 2, 3);
        assertThat(renderer(d).renderCount(emp().union(emp()), Map.of()).sql()).isEqualTo(expect(d, "SELECT COUNT(*) FROM (SELECT * FROM ("
                + EMP + " UNION " + EMP + ") \"e\") \"count_\""));
        assertThatThrownBy(() -> emp().union(emp().orderBy(asc("e.id")))).isInstanceOf(dev.modelrepo.query.error.InvalidQueryException.class)
                .hasMessageContaining("union");
    }

    @ParameterizedTest(name = "order by select alias [{0}]")
    @MethodSource("dialects")
    void orderByASelectAliasWinsOverTheColumnOfThatName(String name, Dialect d) {
        var q = emp().select(col("e.department_id"), max("e.salary").as("salary"), count().as("N")).groupBy("e.department_id")
                .orderBy(desc("salary"), asc("n"), asc("e.salary"));
        assertThat(sql(d, q)).isEqualTo(expect(d, "SELECT \"e\".\"department_id\", MAX(\"e\".\"salary\") AS \"salary\", COUNT(*) AS \"N\""
                + " FROM \"employees\" \"e\" GROUP BY \"e\".\"department_id\" ORDER BY \"salary\" DESC, \"N\", \"e\".\"salary\""));
        // WHERE and GROUP BY name the table's column, as SQL does
        assertThat(sql(d, emp().select(col("e.name").as("salary")).where(gt("salary", 5)).orderBy(asc("salary"))))
                .isEqualTo(expect(d, "SELECT \"e\".\"name\" AS \"salary\" FROM \"employees\" \"e\" WHERE \"e\".\"salary\" > ? ORDER BY \"salary\""));
    }

    @ParameterizedTest(name = "raw subqueries [{0}]")
    @MethodSource("dialects")
    void rawSqlAsASubqueryInInExistsAndFrom(String name, Dialect d) {
        var in = emp().where(and(in("e.department_id", raw("SELECT id FROM departments WHERE name = ?", "Dev")),
                notIn("e.id", raw("SELECT employee_id FROM badges"))));
        var rendered = renderer(d).render(in, Map.of());
        assertThat(rendered.sql()).isEqualTo(expect(d, EMP + " WHERE \"e\".\"department_id\" IN (SELECT id FROM departments WHERE name = ?)"
                + " AND \"e\".\"id\" NOT IN (SELECT employee_id FROM badges)"));
        assertThat(rendered.values()).containsExactly("Dev");
        var exists = emp().where(exists(raw("SELECT 1 FROM badges WHERE badges.employee_id = ?", col("e.id"))));
        assertThat(sql(d, exists)).isEqualTo(expect(d, EMP + " WHERE EXISTS (SELECT 1 FROM badges WHERE badges.employee_id = \"e\".\"id\")"));
        var from = ModelQuery.from(Employee.class, "x").from(raw("SELECT * FROM employees WHERE salary > ?", param("s"))).where(eq("x.active", true));
        var fromRendered = renderer(d).render(from, Map.of("s", 5));
        assertThat(fromRendered.sql()).isEqualTo(expect(d, "SELECT \"x\".\"id\", \"x\".\"department_id\", \"x\".\"name\", \"x\".\"salary\","
                + " \"x\".\"active\", \"x\".\"hired_on\" FROM (SELECT * FROM employees WHERE salary > ?) \"x\" WHERE \"x\".\"active\" = ?"));
        assertThat(fromRendered.values()).containsExactly(5, true);
    }

    @ParameterizedTest(name = "model as value [{0}]")
    @MethodSource("dialects")
    void aModelGivenAsAValueBindsItsKey(String name, Dialect d) {
        Department dept = new Department();
        dept.set("id", 7L);
        var rendered = renderer(d).render(emp().where(and(eq("e.department_id", dept), eq("e.department_id", param("d")))),
                Map.of("d", dept));
        assertThat(rendered.values()).containsExactly(7L, 7L);
    }

    @ParameterizedTest(name = "unconverted [{0}]")
    @MethodSource("dialects")
    void anUnconvertedValueIsBoundAsGiven(String name, Dialect d) {
        var rendered = renderer(d).render(emp().where(and(eq("e.salary", unconverted("60000")), eq("e.hired_on", unconvertedParam("h")))),
                Map.of("h", "2024-01-01"));
        assertThat(rendered.sql()).isEqualTo(expect(d, EMP + " WHERE \"e\".\"salary\" = ? AND \"e\".\"hired_on\" = ?"));
        assertThat(rendered.values()).containsExactly("60000", "2024-01-01");
        assertThatThrownBy(() -> unconverted(null)).isInstanceOf(dev.modelrepo.query.error.InvalidQueryException.class)
                .hasMessageContaining("isNull");
    }

    @Test
    void joinsByModelTableAndRelationAreValuesWithEquality() {
        assertThat(right(Department.class, "d")).isEqualTo(right(Department.class, "d")).isNotEqualTo(left(Department.class, "d"));
        assertThat(inner(table("badges"), "b")).isEqualTo(inner(table("badges"), "b")).isNotEqualTo(inner(table("x", "badges"), "b"));
        assertThat(table("audit", "log")).hasToString("audit.log");
        assertThat(emp().union(emp())).isEqualTo(emp().union(emp())).isNotEqualTo(emp().unionAll(emp()));
        assertThatThrownBy(() -> table("bad name")).isInstanceOf(dev.modelrepo.query.error.InvalidIdentifierException.class);
    }
}

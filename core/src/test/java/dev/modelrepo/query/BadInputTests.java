package dev.modelrepo.query;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.InvalidDataAccessApiUsageException;

import dev.modelrepo.dialect.PostgresDialect;
import dev.modelrepo.dialect.SqliteDialect;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.fixtures.OfflineSchema;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.model.UnknownModelException;
import dev.modelrepo.model.UnknownRelationException;
import dev.modelrepo.model.UnknownTableException;
import dev.modelrepo.query.error.InvalidQueryException;
import dev.modelrepo.query.error.InvalidIdentifierException;
import dev.modelrepo.query.error.MissingParameterException;
import dev.modelrepo.query.error.ParameterTypeException;

/** Every kind of bad input fails before SQL is sent, with a message naming the model, the name and what exists. */
class BadInputTests {

    private final ModelRegistry registry = OfflineSchema.registry(SqliteDialect.INSTANCE);

    private final QueryRenderer renderer = new QueryRenderer(registry, new QueryCache());

    private final QueryRenderer pgRenderer = new QueryRenderer(OfflineSchema.registry(PostgresDialect.INSTANCE), new QueryCache());

    private static ModelQuery<Employee> emp() {
        return ModelQuery.from(Employee.class, "e");
    }

    /** Not annotated with @Table. */
    static class NotAModel extends Model {
    }

    @Test
    void aClassWithoutTableIsNotAModel() {
        assertThatThrownBy(() -> renderer.render(ModelQuery.from(NotAModel.class, "x"), Map.of()))
                .isInstanceOf(UnknownModelException.class).isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageContaining(NotAModel.class.getName()).hasMessageContaining("@Table");
    }

    @dev.modelrepo.model.Table(name = "no_such_table")
    static class Ghost extends Model {
    }

    @Test
    void aMissingTableNamesModelTableAndDatabase() {
        var h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:badinput;DB_CLOSE_DELAY=-1");
        var live = new ModelRegistry(h2, dev.modelrepo.dialect.H2Dialect.INSTANCE);
        assertThatThrownBy(() -> live.table(Ghost.class)).isInstanceOf(UnknownTableException.class)
                .hasMessageContaining("Ghost").hasMessageContaining("no_such_table").hasMessageContaining("H2")
                .hasMessageContaining("changelog");
    }

    @Test
    void anUnknownColumnNamesModelColumnAndTheColumnsThatExist() {
        assertThatThrownBy(() -> renderer.render(emp().where(eq("e.salery", 1)), Map.of()))
                .isInstanceOf(UnknownColumnException.class)
                .hasMessageContaining("Employee").hasMessageContaining("'salery'")
                .hasMessageContaining("[id, department_id, name, salary, active, hired_on]");
    }

    @Test
    void anUnknownAliasNamesTheKnownAliases() {
        assertThatThrownBy(() -> renderer.render(emp().join(inner("department")).orderBy(asc("dept.name")), Map.of()))
                .isInstanceOf(UnknownColumnException.class).hasMessageContaining("'dept'").hasMessageContaining("[e, department]");
    }

    @Test
    void anUnknownRelationNamesTheRelationsThatExist() {
        assertThatThrownBy(() -> renderer.render(emp().join(inner("company")), Map.of()))
                .isInstanceOf(UnknownRelationException.class).hasMessageContaining("Employee")
                .hasMessageContaining("'company'").hasMessageContaining("[department]");
        assertThatThrownBy(() -> renderer.render(emp().join(inner("company").through("department")), Map.of()))
                .isInstanceOf(UnknownRelationException.class).hasMessageContaining("join that relation first");
    }

    @Test
    void aMissingParameterIsNamedWithTheParametersGiven() {
        assertThatThrownBy(() -> renderer.render(emp().where(eq("e.name", param("name"))), Map.of("nmae", "x")))
                .isInstanceOf(MissingParameterException.class).hasMessageContaining("'name'").hasMessageContaining("[nmae]");
    }

    @Test
    void aNullParameterValueIsAllowed() {
        assertThat(renderer.render(emp().where(eq("e.name", param("name"))), java.util.Collections.singletonMap("name", null)).values())
                .containsExactly((Object) null);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheParameterTheColumnAndTheExpectedType() {
        assertThatThrownBy(() -> renderer.render(emp().where(eq("e.salary", param("min"))), Map.of("min", "lots")))
                .isInstanceOf(ParameterTypeException.class).hasMessageContaining("'min'")
                .hasMessageContaining("salary").hasMessageContaining("java.lang.Integer").hasMessageContaining("\"lots\" is not an integer");
        assertThatThrownBy(() -> renderer.render(emp().where(eq("e.salary", 3_000_000_000L)), Map.of()))
                .isInstanceOf(ParameterTypeException.class).hasMessageContaining("3000000000");
        assertThatThrownBy(() -> renderer.render(emp().where(eq("e.active", "maybe")), Map.of()))
                .isInstanceOf(ParameterTypeException.class).hasMessageContaining("is not a boolean");
    }

    @Test
    void lossLessValuesAreConvertedToTheColumnType() {
        assertThat(renderer.render(emp().where(and(eq("e.salary", 5L), eq("e.id", 7))), Map.of()).values()).containsExactly(5, 7L);
    }

    @Test
    void inNeedsACollection() {
        assertThatThrownBy(() -> renderer.render(emp().where(in("e.id", param("ids"))), Map.of("ids", 5)))
                .isInstanceOf(ParameterTypeException.class).hasMessageContaining("'ids'").hasMessageContaining("collection");
        assertThatThrownBy(() -> pgRenderer.render(emp().where(in("e.id", param("ids"))), Map.of("ids", List.of("x"))))
                .isInstanceOf(ParameterTypeException.class).hasMessageContaining("'ids'");
    }

    @Test
    void operatorMisuseIsAnApiUsageError() {
        assertThatThrownBy(() -> eq("e.name", null)).isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("isNull");
        assertThatThrownBy(() -> renderer.render(emp().where(eq("e.id", List.of(1, 2))), Map.of()))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("in/notIn");
        assertThatThrownBy(() -> renderer.render(ModelQuery.from(Department.class, "d").join(inner(Employee.class, "x")), Map.of()))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining(".on(");
        assertThatThrownBy(() -> raw("a = ? AND b = ?", 1)).isInstanceOf(InvalidQueryException.class).hasMessageContaining("2 '?'");
        assertThatThrownBy(() -> emp().limit(-1)).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> renderer.render(emp().join(inner("department")).join(inner(Department.class, "department")
                .on(eq("department.id", 1))), Map.of())).isInstanceOf(UnknownRelationException.class).hasMessageContaining("twice");
    }

    @ParameterizedTest(name = "hostile identifier {0}")
    @ValueSource(strings = { "e.name; DROP TABLE employees", "e.\"name\"", "e.`name`", "name--", "e.name /* x */", "e.na me",
            "'name'", "e.name)", "", "e..name", "1name", "e.name OR 1=1" })
    void hostileIdentifiersAreRejectedWhereverANameIsAccepted(String hostile) {
        assertThatThrownBy(() -> asc(hostile)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> eq(hostile, 1)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> col(hostile)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> emp().select(hostile)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> emp().groupBy(hostile)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> ModelQuery.from(Employee.class, hostile)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> param(hostile)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> inner(hostile)).isInstanceOf(InvalidIdentifierException.class);
        assertThatThrownBy(() -> count().as(hostile)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void anOrderByFromUserInputIsCheckedAgainstTheColumns() {
        String userInput = "password";
        assertThatThrownBy(() -> renderer.render(emp().orderBy(desc(userInput)), Map.of()))
                .isInstanceOf(UnknownColumnException.class).hasMessageContaining("'password'");
    }
}

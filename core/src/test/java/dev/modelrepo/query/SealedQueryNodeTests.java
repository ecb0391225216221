package dev.modelrepo.query;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.modelrepo.fixtures.Employee;

/**
 * Condition, Expression, Order and Join are sealed: only the DSL's own final classes implement them, so an
 * application cannot write one (it would fail to compile, where it used to fail as a ClassCastException at run time).
 */
class SealedQueryNodeTests {

    @Test
    void theQueryNodeTypesAreSealedOverFinalClassesOfTheDsl() {
        for (Class<?> type : List.of(Condition.class, Expression.class, Order.class, Join.class)) {
            assertThat(type.isSealed()).as(type.getSimpleName()).isTrue();
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                assertThat(Modifier.isFinal(permitted.getModifiers())).as(permitted.getName()).isTrue();
                assertThat(permitted.getPackage()).isEqualTo(Q.class.getPackage());
            }
        }
    }

    @Test
    void onlyRawSqlIsPublicAndItIsBothAConditionAndAnExpression() {
        Object raw = raw("e.salary > ?", 1);
        assertThat(raw).isInstanceOf(Condition.class).isInstanceOf(Expression.class);
        assertThat(Modifier.isPublic(RawSql.class.getModifiers())).isTrue();
        for (Class<?> type : List.of(Condition.class, Expression.class, Order.class, Join.class)) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                assertThat(permitted == RawSql.class || !Modifier.isPublic(permitted.getModifiers())).as(permitted.getName()).isTrue();
            }
        }
    }

    @Test
    void nodesAreValuesWithStructuralEquality() {
        assertThat(and(eq("e.id", 1), gt("e.salary", 2))).isEqualTo(and(eq("e.id", 1), gt("e.salary", 2)))
                .hasSameHashCodeAs(and(eq("e.id", 1), gt("e.salary", 2))).isNotEqualTo(and(eq("e.id", 1), gt("e.salary", 3)));
        assertThat(count().as("n")).isEqualTo(count().as("n")).isNotEqualTo(count().as("m"));
        assertThat(count().as("n").as("m")).isEqualTo(count().as("m"));
        assertThat(asc("e.id")).isEqualTo(asc("e.id")).isNotEqualTo(desc("e.id"));
        assertThat(inner("company").through("department")).isEqualTo(inner("company").through("department"));
        assertThat(raw("1 = ?", 1)).isEqualTo(raw("1 = ?", 1));
        assertThat(col("e.name")).hasToString("e.name");
    }

    @Test
    void aNullNodeIsNamedInAnIllegalArgumentException() {
        ModelQuery<Employee> q = ModelQuery.from(Employee.class, "e");
        assertThatThrownBy(() -> q.where(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("condition must not be null");
        assertThatThrownBy(() -> and(eq("e.id", 1), null)).isInstanceOf(IllegalArgumentException.class).hasMessage("condition must not be null");
        assertThatThrownBy(() -> eq((Expression) null, 1)).isInstanceOf(IllegalArgumentException.class).hasMessage("left must not be null");
        assertThatThrownBy(() -> q.select((Expression) null)).isInstanceOf(IllegalArgumentException.class).hasMessage("expression must not be null");
        assertThatThrownBy(() -> q.orderBy((Order) null)).isInstanceOf(IllegalArgumentException.class).hasMessage("order must not be null");
        assertThatThrownBy(() -> q.join(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("join must not be null");
        assertThatThrownBy(() -> q.limit((Expression) null)).isInstanceOf(IllegalArgumentException.class).hasMessage("limit must not be null");
        assertThatThrownBy(() -> inner(Employee.class, "o").on(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("condition must not be null");
    }
}

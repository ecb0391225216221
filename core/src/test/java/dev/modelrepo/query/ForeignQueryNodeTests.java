package dev.modelrepo.query;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import dev.modelrepo.dialect.SqliteDialect;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.fixtures.OfflineSchema;
import dev.modelrepo.query.error.InvalidQueryException;

/**
 * Condition, Expression, Order and Join are implemented by modelrepo only. They cannot be sealed (the
 * implementations live in another package, which Java 17 permits only in a named module), so a class of the
 * application's own is refused where it enters, with a message naming it, never a ClassCastException later.
 */
class ForeignQueryNodeTests {

    static final class MyCondition implements Condition {
    }

    static final class MyExpression implements Expression {
    }

    static final class MyOrder implements Order {
    }

    static final class MyJoin implements Join {
    }

    private final QueryRenderer renderer = new QueryRenderer(OfflineSchema.registry(SqliteDialect.INSTANCE), new QueryCache());

    private static ModelQuery<Employee> emp() {
        return ModelQuery.from(Employee.class, "e");
    }

    private static void refused(ThrowingCallable call, String name, Class<?> type) {
        assertThatThrownBy(call).isInstanceOf(InvalidQueryException.class)
                .hasMessageStartingWith(name + " must be built with Q or ModelQuery")
                .hasMessageContaining(type.getName());
    }

    @Test
    void aConditionOfTheApplicationsOwnIsRefused() {
        refused(() -> emp().where(new MyCondition()), "condition", MyCondition.class);
        refused(() -> emp().having(new MyCondition()), "condition", MyCondition.class);
        refused(() -> and(eq("e.id", 1), new MyCondition()), "condition", MyCondition.class);
        refused(() -> or(new MyCondition(), eq("e.id", 1)), "condition", MyCondition.class);
        refused(() -> not(new MyCondition()), "condition", MyCondition.class);
        refused(() -> inner(Employee.class, "o").on(new MyCondition()), "condition", MyCondition.class);
    }

    @Test
    void anExpressionOfTheApplicationsOwnIsRefused() {
        refused(() -> eq(new MyExpression(), 1), "left", MyExpression.class);
        refused(() -> eq("e.id", new MyExpression()), "expression", MyExpression.class);
        refused(() -> raw("e.id = ?", new MyExpression()), "expression", MyExpression.class);
        refused(() -> emp().select(new MyExpression()), "expression", MyExpression.class);
        refused(() -> emp().groupBy(new MyExpression()), "expression", MyExpression.class);
        refused(() -> emp().limit(new MyExpression()), "limit", MyExpression.class);
        refused(() -> emp().offset(new MyExpression()), "offset", MyExpression.class);
        refused(() -> asc(new MyExpression()), "expression", MyExpression.class);
        refused(() -> desc(new MyExpression()), "expression", MyExpression.class);
    }

    @Test
    void anOrderOrJoinOfTheApplicationsOwnIsRefused() {
        refused(() -> emp().orderBy(asc("e.id"), new MyOrder()), "order", MyOrder.class);
        refused(() -> emp().join(new MyJoin()), "join", MyJoin.class);
    }

    @Test
    void oneThatGetsInAnyWayIsRefusedBeforeRendering() {
        // Expression.as wraps the application's expression in one of modelrepo's: caught when the query is shaped.
        ModelQuery<Employee> q = emp().select(new MyExpression().as("x"));
        refused(() -> renderer.render(q, Map.of()), "query part", MyExpression.class);
    }
}

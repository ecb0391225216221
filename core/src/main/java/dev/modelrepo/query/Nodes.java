package dev.modelrepo.query;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.internal.Arguments;
import dev.modelrepo.query.internal.Ast;

/** The AST nodes inside the public DSL values, and the node of a right-hand operand. */
final class Nodes {

    private Nodes() {
    }

    /** The node of a condition; {@code name} names a null one in the error. */
    static Ast.Cond cond(@Nullable Condition condition, String name) {
        Arguments.notNull(condition, name);
        return condition instanceof RawSql raw ? raw.node : ((ConditionNode) condition).node;
    }

    /** The node of an expression; {@code name} names a null one in the error. */
    static Ast.Expr expr(@Nullable Expression expression, String name) {
        Arguments.notNull(expression, name);
        return expression instanceof RawSql raw ? raw.node : ((ExpressionNode) expression).node;
    }

    /** The node of raw SQL. */
    static Ast.Raw raw(@Nullable RawSql raw) {
        return Arguments.notNull(raw, "raw SQL").node;
    }

    static Ast.OrderItem order(@Nullable Order order, String name) {
        return ((OrderNode) Arguments.notNull(order, name)).node;
    }

    static Ast.JoinSpec join(@Nullable Join join, String name) {
        return ((JoinNode) Arguments.notNull(join, name)).node;
    }

    /** A right-hand operand: expressions stay, queries become subqueries, anything else is a bound value. */
    static Ast.Expr operand(@Nullable Object value) {
        if (value instanceof Expression e) {
            return expr(e, "expression");
        }
        if (value instanceof ModelQuery<?> q) {
            return new Ast.Subquery(q.spec());
        }
        return new Ast.Literal(value);
    }
}

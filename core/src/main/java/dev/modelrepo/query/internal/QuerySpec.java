package dev.modelrepo.query.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.Model;
import dev.modelrepo.query.Condition;
import dev.modelrepo.query.Expression;
import dev.modelrepo.query.internal.Ast.JoinSpec;
import dev.modelrepo.query.internal.Ast.OrderItem;

/**
 * The whole state of a query as one immutable record. An empty {@code select} means all columns of the root
 * and of every joined table; {@code from} replaces the root table by a subquery known under the root alias.
 */
public record QuerySpec(Class<? extends Model> model, String alias, @Nullable QuerySpec from, List<Expression> select,
        boolean distinct, List<JoinSpec> joins, @Nullable Condition where, List<Expression> groupBy,
        @Nullable Condition having, List<OrderItem> orderBy, @Nullable Expression limit, @Nullable Expression offset,
        List<QuerySpec> unionAll, List<String> includes) {

    public static QuerySpec of(Class<? extends Model> model, String alias) {
        return new QuerySpec(model, Ast.identifier(alias, "alias"), null, List.of(), false, List.of(), null, List.of(),
                null, List.of(), null, null, List.of(), List.of());
    }

    /** This spec with its literal values replaced by slots; the values are appended to {@code literals}. */
    public QuerySpec shape(List<@Nullable Object> literals) {
        QuerySpec shapedFrom = from == null ? null : from.shape(literals);
        List<Expression> s = Ast.shapeAll(select, literals);
        List<JoinSpec> j = Ast.shapeAll(joins, literals);
        Condition w = Ast.shapeOf(where, literals);
        List<Expression> g = Ast.shapeAll(groupBy, literals);
        Condition h = Ast.shapeOf(having, literals);
        List<QuerySpec> u = unionAll.isEmpty() ? unionAll : new ArrayList<>();
        for (QuerySpec member : unionAll) {
            u.add(member.shape(literals));
        }
        List<OrderItem> o = Ast.shapeAll(orderBy, literals);
        Expression l = Ast.shapeOf(limit, literals);
        Expression off = Ast.shapeOf(offset, literals);
        return new QuerySpec(model, alias, shapedFrom, s, distinct, j, w, g, h, o, l, off, u, includes);
    }

    public QuerySpec withSelect(List<Expression> value) {
        return new QuerySpec(model, alias, from, value, distinct, joins, where, groupBy, having, orderBy, limit, offset, unionAll, includes);
    }

    public QuerySpec withDistinct(boolean value) {
        return new QuerySpec(model, alias, from, select, value, joins, where, groupBy, having, orderBy, limit, offset, unionAll, includes);
    }

    public QuerySpec withFrom(@Nullable QuerySpec value) {
        return new QuerySpec(model, alias, value, select, distinct, joins, where, groupBy, having, orderBy, limit, offset, unionAll, includes);
    }

    public QuerySpec withJoins(List<JoinSpec> value) {
        return new QuerySpec(model, alias, from, select, distinct, value, where, groupBy, having, orderBy, limit, offset, unionAll, includes);
    }

    public QuerySpec withWhere(@Nullable Condition value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, value, groupBy, having, orderBy, limit, offset, unionAll, includes);
    }

    public QuerySpec withGroupBy(List<Expression> value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, value, having, orderBy, limit, offset, unionAll, includes);
    }

    public QuerySpec withHaving(@Nullable Condition value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, groupBy, value, orderBy, limit, offset, unionAll, includes);
    }

    public QuerySpec withOrderBy(List<OrderItem> value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, groupBy, having, value, limit, offset, unionAll, includes);
    }

    public QuerySpec withLimit(@Nullable Expression value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, groupBy, having, orderBy, value, offset, unionAll, includes);
    }

    public QuerySpec withOffset(@Nullable Expression value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, groupBy, having, orderBy, limit, value, unionAll, includes);
    }

    public QuerySpec withUnionAll(List<QuerySpec> value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, groupBy, having, orderBy, limit, offset, value, includes);
    }

    public QuerySpec withIncludes(List<String> value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, groupBy, having, orderBy, limit, offset, unionAll, value);
    }
}

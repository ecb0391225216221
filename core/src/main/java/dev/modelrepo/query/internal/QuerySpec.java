package dev.modelrepo.query.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.Model;
import dev.modelrepo.query.internal.Ast.Cond;
import dev.modelrepo.query.internal.Ast.Expr;
import dev.modelrepo.query.internal.Ast.JoinSpec;
import dev.modelrepo.query.internal.Ast.OrderItem;

/**
 * The whole state of a query as one immutable record. An empty {@code select} means all columns of the root
 * and of every joined table; {@code from} replaces the root table by a subquery known under the root alias.
 */
public record QuerySpec(Class<? extends Model> model, String alias, @Nullable QuerySpec from, List<Expr> select,
        boolean distinct, List<JoinSpec> joins, @Nullable Cond where, List<Expr> groupBy,
        @Nullable Cond having, List<OrderItem> orderBy, @Nullable Expr limit, @Nullable Expr offset,
        List<QuerySpec> unionAll, List<String> includes) {

    public static QuerySpec of(Class<? extends Model> model, String alias) {
        return new QuerySpec(model, Ast.identifier(alias, "alias"), null, List.of(), false, List.of(), null, List.of(),
                null, List.of(), null, null, List.of(), List.of());
    }

    /** This spec with its literal values replaced by slots; the values are appended to {@code literals}. */
    public QuerySpec shape(List<@Nullable Object> literals) {
        QuerySpec shapedFrom = from == null ? null : from.shape(literals);
        List<Expr> s = Ast.shapeAll(select, e -> e.shape(literals));
        List<JoinSpec> j = Ast.shapeAll(joins, e -> e.shape(literals));
        Cond w = Ast.shapeCond(where, literals);
        List<Expr> g = Ast.shapeAll(groupBy, e -> e.shape(literals));
        Cond h = Ast.shapeCond(having, literals);
        List<QuerySpec> u = unionAll.isEmpty() ? unionAll : new ArrayList<>();
        for (QuerySpec member : unionAll) {
            u.add(member.shape(literals));
        }
        List<OrderItem> o = Ast.shapeAll(orderBy, e -> e.shape(literals));
        Expr l = Ast.shapeExpr(limit, literals);
        Expr off = Ast.shapeExpr(offset, literals);
        return new QuerySpec(model, alias, shapedFrom, s, distinct, j, w, g, h, o, l, off, u, includes);
    }

    public QuerySpec withSelect(List<Expr> value) {
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

    public QuerySpec withWhere(@Nullable Cond value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, value, groupBy, having, orderBy, limit, offset, unionAll, includes);
    }

    public QuerySpec withGroupBy(List<Expr> value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, value, having, orderBy, limit, offset, unionAll, includes);
    }

    public QuerySpec withHaving(@Nullable Cond value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, groupBy, value, orderBy, limit, offset, unionAll, includes);
    }

    public QuerySpec withOrderBy(List<OrderItem> value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, groupBy, having, value, limit, offset, unionAll, includes);
    }

    public QuerySpec withLimit(@Nullable Expr value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, groupBy, having, orderBy, value, offset, unionAll, includes);
    }

    public QuerySpec withOffset(@Nullable Expr value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, groupBy, having, orderBy, limit, value, unionAll, includes);
    }

    public QuerySpec withUnionAll(List<QuerySpec> value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, groupBy, having, orderBy, limit, offset, value, includes);
    }

    public QuerySpec withIncludes(List<String> value) {
        return new QuerySpec(model, alias, from, select, distinct, joins, where, groupBy, having, orderBy, limit, offset, unionAll, value);
    }
}

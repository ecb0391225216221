package dev.modelrepo.query.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.Model;
import dev.modelrepo.query.internal.Ast.Cond;
import dev.modelrepo.query.internal.Ast.Expr;
import dev.modelrepo.query.internal.Ast.JoinSpec;
import dev.modelrepo.query.internal.Ast.OrderItem;
import dev.modelrepo.query.internal.Ast.Raw;

/**
 * The whole state of a query as one immutable record. An empty {@code select} means all columns of the root
 * and of every joined table; {@code from} (a query) or {@code fromSql} (raw SQL, which must return the model's
 * columns) replaces the root table by a subquery known under the root alias; {@code unions} are the queries joined
 * to this one by UNION or UNION ALL, in order.
 */
public record QuerySpec(Class<? extends Model> model, String alias, @Nullable QuerySpec from, @Nullable Raw fromSql,
        List<Expr> select, boolean distinct, List<JoinSpec> joins, @Nullable Cond where, List<Expr> groupBy,
        @Nullable Cond having, List<OrderItem> orderBy, @Nullable Expr limit, @Nullable Expr offset,
        List<Union> unions, List<String> includes) {

    /** A query joined by {@code UNION ALL} ({@code all}) or by {@code UNION}, which drops duplicate rows. */
    public record Union(QuerySpec member, boolean all) {
    }

    public static QuerySpec of(Class<? extends Model> model, String alias) {
        return new QuerySpec(model, Ast.identifier(alias, "alias"), null, null, List.of(), false, List.of(), null, List.of(),
                null, List.of(), null, null, List.of(), List.of());
    }

    /** This spec with its literal values replaced by slots; the values are appended to {@code literals}. */
    public QuerySpec shape(List<@Nullable Object> literals) {
        QuerySpec shapedFrom = from == null ? null : from.shape(literals);
        Raw shapedSql = fromSql == null ? null : fromSql.shape(literals);
        List<Expr> s = Ast.shapeAll(select, e -> e.shape(literals));
        List<JoinSpec> j = Ast.shapeAll(joins, e -> e.shape(literals));
        Cond w = Ast.shapeCond(where, literals);
        List<Expr> g = Ast.shapeAll(groupBy, e -> e.shape(literals));
        Cond h = Ast.shapeCond(having, literals);
        List<Union> u = Ast.shapeAll(unions, e -> new Union(e.member().shape(literals), e.all()));
        List<OrderItem> o = Ast.shapeAll(orderBy, e -> e.shape(literals));
        Expr l = Ast.shapeExpr(limit, literals);
        Expr off = Ast.shapeExpr(offset, literals);
        return new QuerySpec(model, alias, shapedFrom, shapedSql, s, distinct, j, w, g, h, o, l, off, u, includes);
    }

    public QuerySpec withSelect(List<Expr> value) {
        return new QuerySpec(model, alias, from, fromSql, value, distinct, joins, where, groupBy, having, orderBy, limit, offset, unions, includes);
    }

    public QuerySpec withDistinct(boolean value) {
        return new QuerySpec(model, alias, from, fromSql, select, value, joins, where, groupBy, having, orderBy, limit, offset, unions, includes);
    }

    public QuerySpec withFrom(@Nullable QuerySpec value) {
        return new QuerySpec(model, alias, value, fromSql, select, distinct, joins, where, groupBy, having, orderBy, limit, offset, unions, includes);
    }

    public QuerySpec withFromSql(@Nullable Raw value) {
        return new QuerySpec(model, alias, from, value, select, distinct, joins, where, groupBy, having, orderBy, limit, offset, unions, includes);
    }

    public QuerySpec withJoins(List<JoinSpec> value) {
        return new QuerySpec(model, alias, from, fromSql, select, distinct, value, where, groupBy, having, orderBy, limit, offset, unions, includes);
    }

    public QuerySpec withWhere(@Nullable Cond value) {
        return new QuerySpec(model, alias, from, fromSql, select, distinct, joins, value, groupBy, having, orderBy, limit, offset, unions, includes);
    }

    public QuerySpec withGroupBy(List<Expr> value) {
        return new QuerySpec(model, alias, from, fromSql, select, distinct, joins, where, value, having, orderBy, limit, offset, unions, includes);
    }

    public QuerySpec withHaving(@Nullable Cond value) {
        return new QuerySpec(model, alias, from, fromSql, select, distinct, joins, where, groupBy, value, orderBy, limit, offset, unions, includes);
    }

    public QuerySpec withOrderBy(List<OrderItem> value) {
        return new QuerySpec(model, alias, from, fromSql, select, distinct, joins, where, groupBy, having, value, limit, offset, unions, includes);
    }

    public QuerySpec withLimit(@Nullable Expr value) {
        return new QuerySpec(model, alias, from, fromSql, select, distinct, joins, where, groupBy, having, orderBy, value, offset, unions, includes);
    }

    public QuerySpec withOffset(@Nullable Expr value) {
        return new QuerySpec(model, alias, from, fromSql, select, distinct, joins, where, groupBy, having, orderBy, limit, value, unions, includes);
    }

    public QuerySpec withUnions(List<Union> value) {
        return new QuerySpec(model, alias, from, fromSql, select, distinct, joins, where, groupBy, having, orderBy, limit, offset, value, includes);
    }

    public QuerySpec withIncludes(List<String> value) {
        return new QuerySpec(model, alias, from, fromSql, select, distinct, joins, where, groupBy, having, orderBy, limit, offset, unions, value);
    }
}

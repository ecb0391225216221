package dev.modelrepo.query.internal;

import java.util.ArrayList;
import java.util.List;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.query.internal.Ast.Cond;
import dev.modelrepo.query.internal.Ast.Expr;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.query.error.InvalidQueryException;

/** ORDER BY, LIMIT and OFFSET of a {@link QueryCompiler} statement, and the paging by parents when a has-many relation is joined. */
final class OrderAndPaging {

    private final Dialect dialect;

    private final QueryCompiler compiler;

    OrderAndPaging(Dialect dialect, QueryCompiler compiler) {
        this.dialect = dialect;
        this.compiler = compiler;
    }

    /**
     * A has-many relation is joined and the query pages: LIMIT/OFFSET must count parents, not joined rows. The rows of a
     * RIGHT or FULL join read as maps page as SQL does, since a row without a root has no parent to count.
     */
    static boolean pagesParents(QuerySpec spec, Scope scope, Purpose purpose) {
        if (purpose == Purpose.ROWS && RootRows.mayLackRoot(spec)) {
            return false;
        }
        boolean hasMany = scope.joins.stream().anyMatch(Scope.Joined::many);
        return hasMany && spec.select().isEmpty() && (spec.limit() != null || spec.offset() != null || purpose == Purpose.FIRST)
                && scope.root.model != null && !scope.root.model.metadata().primaryKey().isEmpty();
    }

    /**
     * The same query without paging, restricted to the keys of the page of parents:
     * {@code … AND root.pk IN (SELECT p_.pk FROM (SELECT DISTINCT root.pk, <order columns> … LIMIT ? OFFSET ?) p_)},
     * in the dialect's {@link dev.modelrepo.dialect.KeySubquery} form.
     */
    static QuerySpec pageParents(QuerySpec spec, Scope scope, Purpose purpose) {
        List<String> pk = scope.root.model.metadata().primaryKey().stream().map(c -> c.name()).toList();
        List<Ast.ColumnRef> key = pk.stream().map(c -> new Ast.ColumnRef(spec.alias(), c)).toList();
        List<Expr> keyAndOrder = new ArrayList<>(key);
        for (Ast.OrderItem item : spec.orderBy()) {
            if (!(item.expression() instanceof Ast.ColumnRef ref && pk.contains(ref.column()) && (ref.alias() == null || ref.alias().equals(spec.alias())))) {
                keyAndOrder.add(item.expression());
            }
        }
        Expr limit = spec.limit() != null ? spec.limit() : new Ast.Raw("1", List.of());
        QuerySpec page = spec.withSelect(keyAndOrder).withDistinct(true).withIncludes(List.of()).withLimit(purpose == Purpose.FIRST || spec.limit() != null ? limit : null);
        Cond inPage = new Ast.KeyIn(key, page);
        return spec.withLimit(null).withOffset(null).withWhere(spec.where() == null ? inPage : new Ast.Junction(true, List.of(spec.where(), inPage)));
    }

    void tail(QuerySpec spec, Scope scope, SqlWriter out, Purpose purpose) {
        ExpressionRenderer r = compiler.renderer(scope, out).forOrderBy();
        if (!spec.orderBy().isEmpty()) {
            out.append(" ORDER BY ");
            for (int i = 0; i < spec.orderBy().size(); i++) {
                Ast.OrderItem item = spec.orderBy().get(i);
                out.append(i == 0 ? "" : ", ");
                r.expression(item.expression(), null);
                if (item.descending()) {
                    out.append(" DESC");
                }
            }
        }
        String limit = spec.limit() != null ? pagingSlot(spec.limit(), "LIMIT", out) : null;
        if (limit == null && purpose == Purpose.FIRST) {
            limit = "1";
        }
        // The offset slot must follow the limit slot, as the dialects render LIMIT before OFFSET.
        String offset = spec.offset() != null ? pagingSlot(spec.offset(), "OFFSET", out) : null;
        out.append(dialect.limitOffset(limit, offset));
    }

    private String pagingSlot(Expr value, String what, SqlWriter out) {
        if (value instanceof Ast.Raw raw && raw.arguments().isEmpty()) {
            return raw.sql();
        }
        String parameter = value instanceof Ast.Param p ? p.name() : null;
        int literal = value instanceof Ast.LiteralSlot s ? s.index() : -1;
        if (parameter == null && literal < 0) {
            throw new InvalidQueryException(what + " must be a number or param(...)");
        }
        out.slots.add(new Slot(parameter, literal, ColumnKind.BIGINT, dialect.binder(ColumnKind.BIGINT, null),
                Ast.LikeMode.PATTERN, false, null, what, null, dev.modelrepo.types.ValueCoercion.standard()));
        return "?";
    }
}

package dev.modelrepo.query.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.LockRequest;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.model.ModelRegistry;

/**
 * Compiles a query shape into a {@link CompiledQuery} for one dialect: resolves aliases, columns and relations
 * against the registry's metadata (failing with messages that name what exists), quotes identifiers, turns
 * values into typed bind slots and builds the row plan. The result is what the query cache holds.
 */
public final class QueryCompiler {

    /** Prefix of the synthetic parameters that carry {@code updateWhere} values. */
    public static final String SET_PARAMETER = "__set_";

    private final ModelRegistry registry;

    private final Dialect dialect;

    private final FromClauseCompiler from;

    private final SelectListCompiler selectList;

    private final OrderAndPaging paging;

    private final WriteCompiler write;

    public QueryCompiler(ModelRegistry registry) {
        this.registry = registry;
        this.dialect = registry.dialect();
        this.from = new FromClauseCompiler(registry, this);
        this.selectList = new SelectListCompiler(dialect, this, from);
        this.paging = new OrderAndPaging(dialect, this);
        this.write = new WriteCompiler(registry, this, from);
    }

    public CompiledQuery compile(QuerySpec spec, Purpose purpose, @Nullable LockRequest lock) {
        SqlWriter out = new SqlWriter();
        RowPlan plan = null;
        QuerySpec read = purpose == Purpose.ROWS ? spec : RootRows.only(spec, registry);
        switch (purpose) {
            case LIST, FIRST, ROWS -> plan = select(read, null, out, purpose, true);
            case COUNT -> count(read, out);
            case EXISTS -> exists(read, out);
        }
        if (lock != null) {
            out.append(dialect.lockClause(lock));
        }
        return new CompiledQuery(out.finish(), out.slots, plan, spec.model().getSimpleName(), registry.table(spec.model()).name(),
                dialect.likeEscaper());
    }

    /**
     * {@code UPDATE t SET … WHERE …} (when {@code set} is not null) or {@code DELETE FROM t WHERE …} for the rows
     * the query selects. Values of {@code set} columns are bound from parameters named {@link #SET_PARAMETER} + column.
     */
    public CompiledQuery compileWrite(QuerySpec spec, @Nullable List<ColumnMetadata> set) {
        return write.compile(spec, set);
    }

    /** SELECT … with order, limit and offset; returns the row plan when {@code top}. */
    @Nullable RowPlan select(QuerySpec spec, @Nullable Scope parent, SqlWriter out, Purpose purpose, boolean top) {
        if (!spec.unions().isEmpty()) {
            return union(spec, parent, out, purpose, top);
        }
        Scope scope = from.scope(spec, parent);
        if (top && OrderAndPaging.pagesParents(spec, scope, purpose)) {
            return select(OrderAndPaging.pageParents(spec, scope, purpose), parent, out, Purpose.LIST, true);
        }
        RowPlan plan = body(spec, scope, out, top, false);
        paging.tail(spec, scope, out, purpose);
        return plan;
    }

    /** SELECT list, FROM, JOINs, WHERE, GROUP BY, HAVING. */
    private @Nullable RowPlan body(QuerySpec spec, Scope scope, SqlWriter out, boolean top, boolean selectOne) {
        RowPlan plan = null;
        if (!selectOne) {
            SqlWriter list = new SqlWriter();
            plan = selectList.selectList(spec, scope, list, top);
            out.append(spec.distinct() ? "SELECT DISTINCT " : "SELECT ");
            // the select list may hold binds and IN lists (raw expressions, scalar subqueries): keep their order
            out.appendAll(list);
        }
        else {
            out.append("SELECT 1");
        }
        from.from(spec, scope, out);
        ExpressionRenderer r = renderer(scope, out);
        if (spec.where() != null) {
            out.append(" WHERE ");
            r.condition(spec.where());
        }
        if (!spec.groupBy().isEmpty()) {
            out.append(" GROUP BY ");
            for (int i = 0; i < spec.groupBy().size(); i++) {
                out.append(i == 0 ? "" : ", ");
                r.expression(spec.groupBy().get(i), null);
            }
        }
        if (spec.having() != null) {
            out.append(" HAVING ");
            r.condition(spec.having());
        }
        return plan;
    }

    /** {@code SELECT * FROM (member UNION [ALL] member …) alias ORDER BY … LIMIT …}. */
    private @Nullable RowPlan union(QuerySpec spec, @Nullable Scope parent, SqlWriter out, Purpose purpose, boolean top) {
        QuerySpec first = spec.withUnions(List.of()).withOrderBy(List.of()).withLimit(null).withOffset(null);
        out.append("SELECT * FROM (");
        Scope firstScope = from.scope(first, parent);
        RowPlan plan = body(first, firstScope, out, true, false);
        for (QuerySpec.Union member : spec.unions()) {
            out.append(member.all() ? " UNION ALL " : " UNION ");
            body(member.member(), from.scope(member.member(), parent), out, false, false);
        }
        out.append(") ").append(dialect.quote(spec.alias()));
        Source outer = new Source(spec.alias(), firstScope.root.describedAs, firstScope.root.model);
        for (int i = 0; i < plan.layout().size(); i++) {
            String name = plan.layout().name(i);
            Source.Column own = firstScope.root.column(name);
            outer.columns.put(name, new Source.Column(name, own != null && i < plan.layout().ownColumns() ? own.sqlName() : name,
                    own != null ? own.metadata() : null));
        }
        paging.tail(spec, new Scope(parent, outer), out, purpose);
        return top ? plan : null;
    }

    private void count(QuerySpec spec, SqlWriter out) {
        QuerySpec unordered = spec.withOrderBy(List.of()).withLimit(null).withOffset(null);
        boolean wrap = !spec.unions().isEmpty() || !spec.groupBy().isEmpty() || spec.having() != null || spec.distinct();
        if (wrap) {
            out.append("SELECT COUNT(*) FROM (");
            select(unordered, null, out, Purpose.LIST, false);
            out.append(") ").append(dialect.quote("count_"));
            return;
        }
        Scope scope = from.scope(spec, null);
        boolean hasMany = scope.joins.stream().anyMatch(Scope.Joined::many);
        var pk = scope.root.model != null ? scope.root.model.metadata().primaryKey() : List.<ColumnMetadata>of();
        if (hasMany && pk.size() > 1) {
            // COUNT(DISTINCT a, b) is not portable: count the distinct keys of a subquery
            List<Ast.Expr> key = pk.stream().<Ast.Expr>map(c -> new Ast.ColumnRef(spec.alias(), c.name())).toList();
            out.append("SELECT COUNT(*) FROM (");
            select(unordered.withSelect(key).withDistinct(true).withIncludes(List.of()), null, out, Purpose.LIST, false);
            out.append(") ").append(dialect.quote("count_"));
            return;
        }
        if (hasMany && pk.size() == 1) {
            out.append("SELECT COUNT(DISTINCT ").append(dialect.quote(scope.root.alias)).append('.')
                    .append(dialect.quote(pk.get(0).storedName())).append(')');
        }
        else {
            out.append("SELECT COUNT(*)");
        }
        from.from(spec, scope, out);
        if (spec.where() != null) {
            out.append(" WHERE ");
            renderer(scope, out).condition(spec.where());
        }
    }

    private void exists(QuerySpec spec, SqlWriter out) {
        QuerySpec unordered = spec.withOrderBy(List.of()).withLimit(null).withOffset(null);
        if (!spec.unions().isEmpty() || !spec.groupBy().isEmpty() || spec.having() != null) {
            out.append("SELECT 1 FROM (");
            select(unordered, null, out, Purpose.LIST, false);
            out.append(") ").append(dialect.quote("exists_"));
        }
        else {
            body(unordered, from.scope(unordered, null), out, false, true);
        }
        out.append(dialect.limitOffset("1", null));
    }

    RowPlan selectList(QuerySpec spec, Scope scope, SqlWriter out, boolean top) {
        return selectList.selectList(spec, scope, out, top);
    }

    ExpressionRenderer renderer(Scope scope, SqlWriter out) {
        return new ExpressionRenderer(dialect, out, scope, (sub, parent) -> subquery(sub, parent, out));
    }

    /** A subquery inside IN, EXISTS or a scalar position: its own SELECT, correlated with the enclosing scope. */
    private void subquery(QuerySpec sub, Scope parent, SqlWriter out) {
        select(sub, parent, out, Purpose.LIST, false);
    }
}

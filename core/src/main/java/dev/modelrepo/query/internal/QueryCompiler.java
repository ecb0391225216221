package dev.modelrepo.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.LockRequest;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.model.UnknownRelationException;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.Relation;
import dev.modelrepo.model.internal.RowLayout;
import dev.modelrepo.query.Expression;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ColumnReader;

/**
 * Compiles a query shape into a {@link CompiledQuery} for one dialect: resolves aliases, columns and relations
 * against the registry's metadata (failing with messages that name what exists), quotes identifiers, turns
 * values into typed bind slots and builds the row plan. The result is what the query cache holds.
 */
public final class QueryCompiler {

    private final ModelRegistry registry;

    private final Dialect dialect;

    public QueryCompiler(ModelRegistry registry) {
        this.registry = registry;
        this.dialect = registry.dialect();
    }

    public CompiledQuery compile(QuerySpec spec, Purpose purpose, @Nullable LockRequest lock) {
        SqlWriter out = new SqlWriter();
        RowPlan plan = null;
        switch (purpose) {
            case LIST, FIRST -> plan = select(spec, null, out, purpose, true);
            case COUNT -> count(spec, out);
            case EXISTS -> exists(spec, out);
        }
        if (lock != null) {
            out.append(dialect.lockClause(lock));
        }
        return new CompiledQuery(out.finish(), out.slots, plan, spec.model().getSimpleName(), registry.info(spec.model()).metadata().name());
    }

    /** Prefix of the synthetic parameters that carry {@code updateWhere} values. */
    public static final String SET_PARAMETER = "__set_";

    /**
     * {@code UPDATE t SET … WHERE …} (when {@code set} is not null) or {@code DELETE FROM t WHERE …} for the rows
     * the query selects. Values of {@code set} columns are bound from parameters named {@link #SET_PARAMETER} + column.
     */
    public CompiledQuery compileWrite(QuerySpec spec, @Nullable List<ColumnMetadata> set) {
        if (spec.from() != null || !spec.unionAll().isEmpty()) {
            throw new dev.modelrepo.query.InvalidQueryException("updateWhere/deleteWhere need a query over a table, not a subquery or union");
        }
        ModelInfo model = registry.info(spec.model());
        if (model.metadata().isView()) {
            throw new dev.modelrepo.query.InvalidQueryException(model.name() + " reads a view, which is read-only");
        }
        SqlWriter out = new SqlWriter();
        String table = table(model);
        out.append(set == null ? "DELETE FROM " + table : "UPDATE " + table + " SET ");
        if (set != null) {
            for (int i = 0; i < set.size(); i++) {
                ColumnMetadata column = set.get(i);
                out.append(i == 0 ? "" : ", ").append(dialect.quote(column.storedName())).append(" = ");
                out.bind(new Slot(SET_PARAMETER + column.name(), -1, column.kind(), column.binder(), Ast.LikeMode.PATTERN, false, null,
                        "column " + model.name() + "." + column.name(), dev.modelrepo.model.internal.Converters.of(model.type()).get(column.name())));
            }
        }
        boolean simple = spec.joins().isEmpty() && spec.groupBy().isEmpty() && spec.having() == null && spec.limit() == null
                && spec.offset() == null && !spec.distinct();
        if (simple) {
            if (spec.where() != null) {
                Source root = Source.ofTable(spec.alias(), model);
                root.qualifier = table;
                out.append(" WHERE ");
                renderer(new Scope(null, root), out).condition(spec.where());
            }
        }
        else {
            var pk = model.metadata().primaryKey();
            if (pk.size() != 1) {
                throw new dev.modelrepo.query.InvalidQueryException(model.name() + " needs a single-column primary key for a write by a query with joins or paging");
            }
            String key = dialect.quote(pk.get(0).storedName());
            // The derived table lets MySQL/MariaDB select from the table being changed.
            out.append(" WHERE ").append(key).append(" IN (SELECT ").append(dialect.quote("p_")).append('.').append(key)
                    .append(" FROM (");
            select(spec.withSelect(List.of(new Ast.ColumnRef(spec.alias(), pk.get(0).name()))).withIncludes(List.of()), null, out,
                    Purpose.LIST, false);
            out.append(") ").append(dialect.quote("p_")).append(')');
        }
        return new CompiledQuery(out.finish(), out.slots, null, model.name(), model.metadata().name());
    }

    // ------------------------------------------------------------ statements

    /** SELECT … with order, limit and offset; returns the row plan when {@code top}. */
    private @Nullable RowPlan select(QuerySpec spec, @Nullable Scope parent, SqlWriter out, Purpose purpose, boolean top) {
        if (!spec.unionAll().isEmpty()) {
            return union(spec, parent, out, purpose, top);
        }
        Scope scope = scope(spec, parent, out);
        if (top && pagesParents(spec, scope, purpose)) {
            return select(pageParents(spec, scope, purpose), parent, out, Purpose.LIST, true);
        }
        RowPlan plan = body(spec, scope, out, top, false);
        tail(spec, scope, out, purpose);
        return plan;
    }

    /** A has-many relation is joined and the query pages: LIMIT/OFFSET must count parents, not joined rows. */
    private static boolean pagesParents(QuerySpec spec, Scope scope, Purpose purpose) {
        boolean hasMany = scope.joins.stream().anyMatch(j -> j.relation() != null && j.relation().kind() == Relation.Kind.HAS_MANY);
        return hasMany && spec.select().isEmpty() && (spec.limit() != null || spec.offset() != null || purpose == Purpose.FIRST)
                && scope.root.model != null && scope.root.model.metadata().primaryKey().size() == 1;
    }

    /**
     * The same query without paging, restricted to the keys of the page of parents:
     * {@code … AND root.pk IN (SELECT p_.pk FROM (SELECT DISTINCT root.pk, <order columns> … LIMIT ? OFFSET ?) p_)}.
     */
    private QuerySpec pageParents(QuerySpec spec, Scope scope, Purpose purpose) {
        String pk = scope.root.model.metadata().primaryKey().get(0).name();
        List<Expression> keyAndOrder = new ArrayList<>();
        keyAndOrder.add(new Ast.ColumnRef(spec.alias(), pk));
        for (Ast.OrderItem item : spec.orderBy()) {
            if (!(item.expression() instanceof Ast.ColumnRef ref && pk.equals(ref.column()) && (ref.alias() == null || ref.alias().equals(spec.alias())))) {
                keyAndOrder.add(item.expression());
            }
        }
        Expression limit = spec.limit() != null ? spec.limit() : new Ast.Raw("1", List.of());
        QuerySpec page = spec.withSelect(keyAndOrder).withDistinct(true).withIncludes(List.of()).withLimit(purpose == Purpose.FIRST || spec.limit() != null ? limit : null);
        QuerySpec ids = QuerySpec.of(spec.model(), "p_").withFrom(page).withSelect(List.of(new Ast.ColumnRef("p_", pk)));
        dev.modelrepo.query.Condition inPage = new Ast.In(new Ast.ColumnRef(spec.alias(), pk), new Ast.Subquery(ids), false);
        return spec.withLimit(null).withOffset(null).withWhere(spec.where() == null ? inPage : new Ast.Junction(true, List.of(spec.where(), inPage)));
    }

    /** SELECT list, FROM, JOINs, WHERE, GROUP BY, HAVING. */
    private @Nullable RowPlan body(QuerySpec spec, Scope scope, SqlWriter out, boolean top, boolean selectOne) {
        RowPlan plan = null;
        if (!selectOne) {
            SqlWriter list = new SqlWriter();
            plan = selectList(spec, scope, list, top);
            out.append(spec.distinct() ? "SELECT DISTINCT " : "SELECT ");
            // the select list may hold binds and IN lists (raw expressions, scalar subqueries): keep their order
            out.appendAll(list);
        }
        else {
            out.append("SELECT 1");
        }
        from(spec, scope, out);
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

    private void tail(QuerySpec spec, Scope scope, SqlWriter out, Purpose purpose) {
        ExpressionRenderer r = renderer(scope, out);
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

    private String pagingSlot(Expression value, String what, SqlWriter out) {
        if (value instanceof Ast.Raw raw && raw.arguments().isEmpty()) {
            return raw.sql();
        }
        String parameter = value instanceof Ast.Param p ? p.name() : null;
        int literal = value instanceof Ast.LiteralSlot s ? s.index() : -1;
        if (parameter == null && literal < 0) {
            throw new dev.modelrepo.query.InvalidQueryException(what + " must be a number or param(...)");
        }
        out.slots.add(new Slot(parameter, literal, ColumnKind.BIGINT, dialect.binder(ColumnKind.BIGINT, null),
                Ast.LikeMode.PATTERN, false, null, what, null));
        return "?";
    }

    /** {@code SELECT * FROM (member UNION ALL member …) alias ORDER BY … LIMIT …}. */
    private @Nullable RowPlan union(QuerySpec spec, @Nullable Scope parent, SqlWriter out, Purpose purpose, boolean top) {
        QuerySpec first = spec.withUnionAll(List.of()).withOrderBy(List.of()).withLimit(null).withOffset(null);
        out.append("SELECT * FROM (");
        Scope firstScope = scope(first, parent, out);
        RowPlan plan = body(first, firstScope, out, true, false);
        for (QuerySpec member : spec.unionAll()) {
            out.append(" UNION ALL ");
            body(member, scope(member, parent, out), out, false, false);
        }
        out.append(") ").append(dialect.quote(spec.alias()));
        Source outer = new Source(spec.alias(), firstScope.root.describedAs, firstScope.root.model);
        for (int i = 0; i < plan.layout().size(); i++) {
            String name = plan.layout().name(i);
            Source.Column own = firstScope.root.column(name);
            outer.columns.put(name, new Source.Column(name, own != null && i < plan.layout().ownColumns() ? own.sqlName() : name,
                    own != null ? own.metadata() : null));
        }
        tail(spec, new Scope(parent, outer), out, purpose);
        return top ? plan : null;
    }

    private void count(QuerySpec spec, SqlWriter out) {
        QuerySpec unordered = spec.withOrderBy(List.of()).withLimit(null).withOffset(null);
        boolean wrap = !spec.unionAll().isEmpty() || !spec.groupBy().isEmpty() || spec.having() != null || spec.distinct();
        if (wrap) {
            out.append("SELECT COUNT(*) FROM (");
            select(unordered, null, out, Purpose.LIST, false);
            out.append(") ").append(dialect.quote("count_"));
            return;
        }
        Scope scope = scope(spec, null, out);
        boolean hasMany = scope.joins.stream().anyMatch(j -> j.relation() != null && j.relation().kind() == Relation.Kind.HAS_MANY);
        var pk = scope.root.model != null ? scope.root.model.metadata().primaryKey() : List.<ColumnMetadata>of();
        if (hasMany && pk.size() == 1) {
            out.append("SELECT COUNT(DISTINCT ").append(dialect.quote(scope.root.alias)).append('.')
                    .append(dialect.quote(pk.get(0).storedName())).append(')');
        }
        else {
            out.append("SELECT COUNT(*)");
        }
        from(spec, scope, out);
        if (spec.where() != null) {
            out.append(" WHERE ");
            renderer(scope, out).condition(spec.where());
        }
    }

    private void exists(QuerySpec spec, SqlWriter out) {
        QuerySpec unordered = spec.withOrderBy(List.of()).withLimit(null).withOffset(null);
        if (!spec.unionAll().isEmpty() || !spec.groupBy().isEmpty() || spec.having() != null) {
            out.append("SELECT 1 FROM (");
            select(unordered, null, out, Purpose.LIST, false);
            out.append(") ").append(dialect.quote("exists_"));
        }
        else {
            body(unordered, scope(unordered, null, out), out, false, true);
        }
        out.append(dialect.limitOffset("1", null));
    }

    // ------------------------------------------------------------ FROM and joins

    private Scope scope(QuerySpec spec, @Nullable Scope parent, SqlWriter unused) {
        ModelInfo model = registry.info(spec.model());
        Source root = spec.from() == null ? Source.ofTable(spec.alias(), model) : derived(spec, model, parent);
        Scope scope = new Scope(parent, root);
        for (Ast.JoinSpec join : spec.joins()) {
            scope.add(joined(join, scope));
        }
        for (Expression e : spec.select()) {
            if (e instanceof Ast.Aliased a) {
                scope.selectAliases.put(a.alias().toLowerCase(Locale.ROOT), a.alias());
            }
        }
        return scope;
    }

    /** A subquery source: the columns are the subquery's output names. */
    private Source derived(QuerySpec spec, ModelInfo model, @Nullable Scope parent) {
        QuerySpec sub = spec.from();
        Source source = new Source(spec.alias(), model.name() + " subquery", model);
        Scope subScope = scope(sub, parent, null);
        RowPlan plan = selectList(sub, subScope, new SqlWriter(), true);
        for (int i = 0; i < plan.layout().size(); i++) {
            String name = plan.layout().name(i);
            Source.Column inner = subScope.root.column(name);
            boolean own = inner != null && i < plan.layout().ownColumns();
            source.columns.put(name, new Source.Column(name, own ? inner.sqlName() : name, own ? inner.metadata() : null));
        }
        return source;
    }

    private Scope.Joined joined(Ast.JoinSpec join, Scope scope) {
        String alias = join.effectiveAlias();
        if (join.relation() == null) {
            if (join.on() == null) {
                throw new dev.modelrepo.query.InvalidQueryException("The join of " + join.model().getSimpleName() + " as '" + alias
                        + "' needs a condition: .on(eq(\"" + alias + ".…\", col(\"…\")))");
            }
            return new Scope.Joined(join, Source.ofTable(alias, registry.info(join.model())), null, null, scope.root.alias);
        }
        Source owner = join.through() == null ? scope.root : scope.sources.get(join.through());
        if (owner == null) {
            throw new UnknownRelationException("Cannot join '" + join.relation() + "' through '" + join.through()
                    + "': join that relation first; joined so far: " + scope.sources.keySet());
        }
        ModelInfo ownerModel = owner.model;
        Relation relation = ownerModel == null ? null : ownerModel.relation(join.relation());
        if (relation == null) {
            throw new UnknownRelationException(owner.describedAs + " has no relation '" + join.relation() + "'; its relations are "
                    + (ownerModel == null ? "[]" : ownerModel.relations().keySet()));
        }
        return new Scope.Joined(join, Source.ofTable(alias, registry.info(relation.target())), relation,
                join.through(), owner.alias);
    }

    private void from(QuerySpec spec, Scope scope, SqlWriter out) {
        out.append(" FROM ");
        if (spec.from() != null) {
            out.append('(');
            select(spec.from(), scope.parent, out, Purpose.LIST, false);
            out.append(") ");
        }
        else {
            out.append(table(scope.root.model)).append(' ');
        }
        out.append(dialect.quote(scope.root.alias));
        for (Scope.Joined j : scope.joins) {
            out.append(j.join().type() == Ast.JoinType.INNER ? " INNER JOIN " : " LEFT JOIN ")
                    .append(table(j.source().model)).append(' ').append(dialect.quote(j.source().alias)).append(" ON ");
            if (j.relation() == null) {
                renderer(scope, out).condition(j.join().on());
            }
            else {
                relationCondition(j, scope, out);
                if (j.join().on() != null) {
                    out.append(" AND ");
                    renderer(scope, out).condition(j.join().on());
                }
            }
        }
    }

    private void relationCondition(Scope.Joined j, Scope scope, SqlWriter out) {
        Relation relation = j.relation();
        Source owner = scope.sources.get(j.owner());
        Source target = j.source();
        if (relation.kind() == Relation.Kind.BELONGS_TO) {
            out.append(qualified(target, primaryKey(target))).append(" = ").append(qualified(owner, checked(owner, relation.column())));
        }
        else {
            out.append(qualified(target, checked(target, relation.column()))).append(" = ").append(qualified(owner, primaryKey(owner)));
        }
    }

    private String primaryKey(Source source) {
        var pk = source.model.metadata().primaryKey();
        if (pk.size() != 1) {
            throw new UnknownColumnException(source.describedAs + " needs a single-column primary key to be joined by relation; it has "
                    + pk.stream().map(ColumnMetadata::name).toList());
        }
        return pk.get(0).storedName();
    }

    private static String checked(Source source, String column) {
        Source.Column c = source.column(column);
        if (c == null) {
            throw UnknownColumnException.of(source.describedAs, column, source.columnNames());
        }
        return c.sqlName();
    }

    private String qualified(Source source, String sqlName) {
        return dialect.quote(source.alias) + "." + dialect.quote(sqlName);
    }

    private String table(@Nullable ModelInfo model) {
        var t = model.metadata();
        return t.storedSchema() == null ? dialect.quote(t.storedName()) : dialect.quote(t.storedSchema()) + "." + dialect.quote(t.storedName());
    }

    // ------------------------------------------------------------ select list and row plan

    private RowPlan selectList(QuerySpec spec, Scope scope, SqlWriter out, boolean top) {
        List<String> names = new ArrayList<>();
        List<ColumnReader> readers = new ArrayList<>();
        List<RowPlan.RelatedPlan> related = new ArrayList<>();
        int own;
        if (spec.select().isEmpty()) {
            for (Source.Column c : scope.root.columns.values()) {
                out.append(names.isEmpty() ? "" : ", ").append(qualified(scope.root, c.sqlName()));
                names.add(c.name());
                readers.add(reader(scope.root, c));
            }
            own = names.size();
            for (Scope.Joined j : scope.joins) {
                int from = names.size();
                for (Source.Column c : j.source().columns.values()) {
                    String label = j.source().alias + "." + c.name();
                    out.append(", ").append(qualified(j.source(), c.sqlName())).append(" AS ").append(dialect.quote(label));
                    names.add(label);
                    readers.add(reader(j.source(), c));
                }
                if (j.relation() != null) {
                    ModelInfo target = j.source().model;
                    int pkIndex = target.metadata().columns().indexOf(target.metadata().primaryKey().get(0));
                    related.add(new RowPlan.RelatedPlan(j.relation().name(), j.parentRelation(), target,
                            target.fullLayout(), from, from + pkIndex, j.relation().kind() == Relation.Kind.HAS_MANY));
                }
            }
        }
        else {
            ExpressionRenderer r = renderer(scope, out);
            own = -1;
            for (int i = 0; i < spec.select().size(); i++) {
                Expression e = spec.select().get(i);
                out.append(i == 0 ? "" : ", ");
                r.expression(e, null);
                String name = outputName(e, scope);
                boolean rootColumn = e instanceof Ast.ColumnRef ref && (ref.alias() == null || ref.alias().equals(scope.root.alias));
                if (own < 0 && !rootColumn) {
                    own = i;
                }
                if (e instanceof Ast.Aliased a) {
                    out.append(" AS ").append(dialect.quote(a.alias()));
                }
                else if (!rootColumn) {
                    out.append(" AS ").append(dialect.quote(name));
                }
                names.add(name);
                readers.add(readerOf(e, r));
            }
            own = own < 0 ? names.size() : own;
        }
        ModelInfo model = scope.root.model;
        RowLayout layout = new RowLayout(model.name(), spec.select().isEmpty() || own == names.size() ? model.metadata() : model.metadata(),
                names, own);
        return RowPlan.of(top ? model : null, layout, readers.toArray(ColumnReader[]::new), related);
    }

    private String outputName(Expression e, Scope scope) {
        if (e instanceof Ast.Aliased a) {
            return a.alias().toLowerCase(Locale.ROOT);
        }
        if (e instanceof Ast.ColumnRef ref) {
            String column = scope.resolve(ref).column().name();
            return ref.alias() == null || ref.alias().equals(scope.root.alias) ? column : ref.alias() + "." + column;
        }
        if (e instanceof Ast.Aggregate a) {
            return a.function().toLowerCase(Locale.ROOT) + (a.argument() instanceof Ast.ColumnRef ref ? "_" + ref.column().toLowerCase(Locale.ROOT) : "");
        }
        return "expr";
    }

    private ColumnReader readerOf(Expression e, ExpressionRenderer r) {
        if (e instanceof Ast.Aliased a) {
            return readerOf(a.expression(), r);
        }
        if (e instanceof Ast.Aggregate a) {
            ColumnMetadata arg = a.argument() == null ? null : r.typeOf(a.argument());
            return switch (a.function()) {
                case "COUNT" -> dialect.reader(ColumnKind.BIGINT, null);
                case "MIN", "MAX" -> reader(arg);
                case "SUM" -> arg == null ? reader(null) : switch (arg.kind()) {
                    case INTEGER, BIGINT -> dialect.reader(ColumnKind.BIGINT, null);
                    case DECIMAL -> dialect.reader(ColumnKind.DECIMAL, null);
                    case DOUBLE -> dialect.reader(ColumnKind.DOUBLE, null);
                    default -> reader(null);
                };
                case "AVG" -> arg != null && arg.kind() == ColumnKind.DOUBLE ? dialect.reader(ColumnKind.DOUBLE, null)
                        : dialect.reader(ColumnKind.DECIMAL, null);
                default -> reader(null);
            };
        }
        return reader(r.typeOf(e));
    }

    /** A table column's reader, inflating values of columns with a converter. */
    private static ColumnReader reader(Source source, Source.Column column) {
        ColumnReader plain = column.metadata() != null ? column.metadata().reader() : (rs, i) -> rs.getObject(i);
        return source.model == null ? plain : dev.modelrepo.model.internal.Converters.of(source.model.type()).reader(column.name(), plain);
    }

    private ColumnReader reader(@Nullable ColumnMetadata column) {
        return column != null ? column.reader() : (rs, i) -> rs.getObject(i);
    }

    private ExpressionRenderer renderer(Scope scope, SqlWriter out) {
        return new ExpressionRenderer(dialect, out, scope, (sub, parent) -> subquery(sub, parent, out));
    }

    /** A subquery inside IN, EXISTS or a scalar position: its own SELECT, correlated with the enclosing scope. */
    private void subquery(QuerySpec sub, Scope parent, SqlWriter out) {
        select(sub, parent, out, Purpose.LIST, false);
    }
}

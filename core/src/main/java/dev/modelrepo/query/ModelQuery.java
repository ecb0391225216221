package dev.modelrepo.query;

import dev.modelrepo.internal.Arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.Key;
import dev.modelrepo.model.Model;
import dev.modelrepo.query.internal.Ast;
import dev.modelrepo.query.internal.QueryAccess;
import dev.modelrepo.query.internal.QueryShape;
import dev.modelrepo.query.internal.QuerySpec;
import dev.modelrepo.query.error.InvalidQueryException;

/**
 * A query over a model's table, as an immutable value: every method returns a new query, equal queries are
 * {@code equals}, and a query renders to the same SQL (from the query cache) whatever its literal values.
 * Identifiers are checked against the table metadata when the query is run; values are always bound.
 *
 * <pre>{@code
 * ModelQuery<Employee> q = repo.query(Employee.class, "e")
 *     .where(and(eq("e.department_id", param("dept")), ge("e.salary", 50_000)))
 *     .orderBy(desc("e.salary")).limit(10);
 * }</pre>
 */
public final class ModelQuery<M extends Model> {

    static {
        QueryAccess.install(new QueryAccessor());
    }

    private final Class<M> type;

    private final QuerySpec spec;

    /** Lazily computed; immutable once set, so a benign race only computes it twice. */
    private @Nullable QueryShape shape;

    private ModelQuery(Class<M> type, QuerySpec spec) {
        this.type = type;
        this.spec = spec;
    }

    /** A query over {@code type}'s table known as {@code alias}: {@code SELECT alias.* FROM table alias}. */
    public static <M extends Model> ModelQuery<M> from(Class<M> type, String alias) {
        Arguments.notNull(type, "model");
        return new ModelQuery<>(type, QuerySpec.of(type, alias));
    }

    private ModelQuery<M> with(QuerySpec next) {
        return new ModelQuery<>(type, next);
    }

    /** Selects these expressions instead of all columns ({@code col("e.name")}, {@code count().as("n")}). */
    public ModelQuery<M> select(Expression... expressions) {
        return with(spec.withSelect(nodes(expressions)));
    }

    /** Selects these columns ({@code "e.name"} or {@code "name"}). */
    public ModelQuery<M> select(String... columns) {
        return with(spec.withSelect(Arrays.stream(columns).<Ast.Expr>map(Ast::column).toList()));
    }

    /** SELECT DISTINCT. */
    public ModelQuery<M> distinct() {
        return with(spec.withDistinct(true));
    }

    /** Reads from a subquery instead of the table; the subquery's columns are known under this query's alias. */
    public ModelQuery<M> from(ModelQuery<?> subquery) {
        return with(spec.withFromSql(null).withFrom(subquery.spec));
    }

    /**
     * Reads from a raw SQL subquery instead of the table, known under this query's alias: {@code from(raw("SELECT * FROM
     * employees WHERE salary > ?", param("s")))}. It must return the model's columns (by name); values are bound.
     */
    public ModelQuery<M> from(RawSql subquery) {
        return with(spec.withFrom(null).withFromSql(Nodes.raw(subquery)));
    }

    /** Adds a join. */
    public ModelQuery<M> join(Join join) {
        List<Ast.JoinSpec> joins = new ArrayList<>(spec.joins());
        joins.add(Nodes.join(join, "join"));
        return with(spec.withJoins(List.copyOf(joins)));
    }

    /** Adds a WHERE condition; several calls are combined with AND. */
    public ModelQuery<M> where(Condition condition) {
        return where(Nodes.cond(condition, "condition"));
    }

    private ModelQuery<M> where(Ast.Cond condition) {
        return with(spec.withWhere(both(spec.where(), condition)));
    }

    /** {@code condition} alone, or AND-ed to the current one. */
    private static Ast.Cond both(Ast.@Nullable Cond current, Ast.Cond condition) {
        return current == null ? condition : new Ast.Junction(true, List.of(current, condition));
    }

    /** Removes every WHERE condition. */
    public ModelQuery<M> withoutWhere() {
        return with(spec.withWhere(null));
    }

    /** GROUP BY these columns. */
    public ModelQuery<M> groupBy(String... columns) {
        return with(spec.withGroupBy(Arrays.stream(columns).<Ast.Expr>map(Ast::column).toList()));
    }

    /** GROUP BY these expressions. */
    public ModelQuery<M> groupBy(Expression... expressions) {
        return with(spec.withGroupBy(nodes(expressions)));
    }

    private static List<Ast.Expr> nodes(Expression[] expressions) {
        Arguments.notNull(expressions, "expressions");
        List<Ast.Expr> nodes = new ArrayList<>(expressions.length);
        for (Expression e : expressions) {
            nodes.add(Nodes.expr(e, "expression"));
        }
        return List.copyOf(nodes);
    }

    /** HAVING; several calls are combined with AND. */
    public ModelQuery<M> having(Condition condition) {
        return with(spec.withHaving(both(spec.having(), Nodes.cond(condition, "condition"))));
    }

    /** Appends ORDER BY items. */
    public ModelQuery<M> orderBy(Order... orders) {
        List<Ast.OrderItem> items = new ArrayList<>(spec.orderBy());
        for (Order order : orders) {
            items.add(Nodes.order(order, "order"));
        }
        return with(spec.withOrderBy(List.copyOf(items)));
    }

    /** Replaces the ORDER BY items. */
    public ModelQuery<M> reorder(Order... orders) {
        return with(spec.withOrderBy(List.of())).orderBy(orders);
    }

    /**
     * LIMIT n, written into the SQL: a page size is part of a query's shape, and the database plans better
     * (and H2 runs faster) with a known limit. Use {@link #limit(Expression)} with a {@code param} to bind it.
     */
    public ModelQuery<M> limit(long limit) {
        if (limit < 0) {
            throw new InvalidQueryException("limit must not be negative: " + limit);
        }
        return with(spec.withLimit(new Ast.Raw(Long.toString(limit), List.of())));
    }

    /** LIMIT from a parameter: bound, so every limit shares one SQL string. */
    public ModelQuery<M> limit(Expression parameter) {
        return with(spec.withLimit(Nodes.expr(parameter, "limit")));
    }

    /** OFFSET n. */
    public ModelQuery<M> offset(long offset) {
        if (offset < 0) {
            throw new InvalidQueryException("offset must not be negative: " + offset);
        }
        return with(spec.withOffset(new Ast.Literal(offset)));
    }

    /** OFFSET from a parameter. */
    public ModelQuery<M> offset(Expression parameter) {
        return with(spec.withOffset(Nodes.expr(parameter, "offset")));
    }

    /** Offset paging: page {@code page} (from 0) of {@code size} rows; order the query for stable pages. */
    public ModelQuery<M> page(int page, int size) {
        if (page < 0 || size < 1) {
            throw new InvalidQueryException("page must be >= 0 and size >= 1, got page " + page + " size " + size);
        }
        return limit(size).offset((long) page * size);
    }

    /**
     * Keyset paging: the rows after {@code last} in this query's ORDER BY, which must name columns and end with
     * a unique one (the primary key, say): {@code (a > :a) OR (a = :a AND id > :id)}, with {@code <} for DESC.
     * It stays fast on deep pages where OFFSET degrades, and shares one cached SQL for every page.
     */
    public ModelQuery<M> seekAfter(Model last) {
        Arguments.notNull(last, "last");
        return seekAfter(last::get, "the last row");
    }

    /**
     * Keyset paging after a key: the rows after {@code last} in this query's ORDER BY, which must name only columns of
     * the key, e.g. {@code orderBy(asc("fa.actor_id"), asc("fa.film_id")).seekAfter(Key.of("actor_id", 1, "film_id", 23))}.
     */
    public ModelQuery<M> seekAfter(Key last) {
        Arguments.notNull(last, "last");
        return seekAfter(column -> last.has(column) ? last.get(column) : null, "the key " + last);
    }

    private ModelQuery<M> seekAfter(Function<String, @Nullable Object> valueOf, String last) {
        List<Ast.OrderItem> order = spec.orderBy();
        if (order.isEmpty()) {
            throw new InvalidQueryException("seekAfter needs an ORDER BY ending with a unique column");
        }
        List<Ast.Cond> alternatives = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            List<Ast.Cond> parts = new ArrayList<>();
            for (int i = 0; i <= k; i++) {
                Ast.OrderItem item = order.get(i);
                if (!(item.expression() instanceof Ast.ColumnRef ref)) {
                    throw new InvalidQueryException("seekAfter needs ORDER BY columns, not " + item.expression());
                }
                String key = ref.alias() == null || ref.alias().equals(spec.alias()) ? ref.column() : ref.alias() + "." + ref.column();
                Object value = valueOf.apply(key);
                if (value == null) {
                    throw new InvalidQueryException("seekAfter: " + last + " has no value for sort column '" + key + "'");
                }
                parts.add(new Ast.Compare(ref, i < k ? "=" : item.descending() ? "<" : ">", new Ast.Literal(value)));
            }
            alternatives.add(parts.size() == 1 ? parts.get(0) : new Ast.Junction(true, parts));
        }
        return where(alternatives.size() == 1 ? alternatives.get(0) : new Ast.Junction(false, alternatives));
    }

    /** Without limit and offset. */
    public ModelQuery<M> unpaged() {
        return with(spec.withLimit(null).withOffset(null));
    }

    /**
     * UNION ALL with another query of the same columns. This query's ORDER BY, LIMIT and OFFSET apply to the
     * whole union; the other query's must be empty.
     */
    public ModelQuery<M> unionAll(ModelQuery<?> other) {
        return union(other, true);
    }

    /**
     * UNION (duplicate rows dropped) with another query of the same columns; the unions apply in the order they were added,
     * and this query's ORDER BY, LIMIT and OFFSET to the whole. The other query's must be empty.
     */
    public ModelQuery<M> union(ModelQuery<?> other) {
        return union(other, false);
    }

    private ModelQuery<M> union(ModelQuery<?> other, boolean all) {
        QuerySpec member = Arguments.notNull(other, "query").spec;
        if (!member.orderBy().isEmpty() || member.limit() != null || member.offset() != null || !member.unions().isEmpty()) {
            throw new InvalidQueryException("A query added with " + (all ? "unionAll" : "union")
                    + " must have no ORDER BY, LIMIT, OFFSET or union of its own");
        }
        List<QuerySpec.Union> members = new ArrayList<>(spec.unions());
        members.add(new QuerySpec.Union(member, all));
        return with(spec.withUnions(List.copyOf(members)));
    }

    /**
     * Eager-loads relations ({@code "employees"}, nested {@code "departments.employees"}) with one query per level (two for
     * a has-many through a join model: its rows, then the targets), chunked within the engine's bind limit.
     */
    public ModelQuery<M> include(String... relations) {
        List<String> all = new ArrayList<>(spec.includes());
        for (String relation : relations) {
            for (String part : relation.split("\\.", -1)) {
                Ast.identifier(part, "relation");
            }
            all.add(relation);
        }
        return with(spec.withIncludes(List.copyOf(all)));
    }

    public Class<M> modelType() {
        return type;
    }

    public String alias() {
        return spec.alias();
    }

    /** The relations this query eager-loads, as given to {@link #include}. */
    public List<String> includes() {
        return spec.includes();
    }

    /** The immutable AST, for the DSL and (through {@link QueryAccessor}) the layers above. */
    QuerySpec spec() {
        return spec;
    }

    /** The cache shape and the literal values, computed once. */
    QueryShape shape() {
        QueryShape s = shape;
        if (s == null) {
            s = QueryShape.of(spec);
            shape = s;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelQuery<?> other && type == other.type && spec.equals(other.spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        return "ModelQuery[" + type.getSimpleName() + " " + spec.alias() + "]";
    }
}

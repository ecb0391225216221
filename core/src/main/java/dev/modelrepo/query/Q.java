package dev.modelrepo.query;

import dev.modelrepo.internal.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.JoinKind;
import dev.modelrepo.model.Model;
import dev.modelrepo.query.internal.Ast;
import dev.modelrepo.query.internal.Ast.LikeMode;
import dev.modelrepo.query.error.InvalidQueryException;

/**
 * Static factories of the query DSL: {@code import static dev.modelrepo.query.Q.*}. The left side of a
 * condition is a column reference ({@code "alias.column"}, or {@code "column"} of the root alias) or an
 * expression; the right side is always a value (bound, never inlined), a {@link #param}, a {@link #col} or a
 * subquery.
 */
public final class Q {

    private Q() {
    }

    // ------------------------------------------------------------ operands

    /** A named parameter bound at execution from the params map; a collection expands for {@code in}. */
    public static Expression param(String name) {
        return new ExpressionNode(new Ast.Param(Ast.identifier(name, "parameter name")));
    }

    /** A value bound as given, not converted to the compared column's type: the rare value the database converts itself. */
    public static Expression unconverted(Object value) {
        if (value == null) {
            throw new InvalidQueryException("unconverted(null) would compare with NULL, which is never true in SQL; use isNull/isNotNull");
        }
        return new ExpressionNode(new Ast.Unconverted(new Ast.Literal(value)));
    }

    /** A named parameter bound exactly as given, as {@link #unconverted} binds a value. */
    public static Expression unconvertedParam(String name) {
        return new ExpressionNode(new Ast.Unconverted(new Ast.Param(Ast.identifier(name, "parameter name"))));
    }

    /** A column reference, for the right side of a comparison or a select list: {@code col("d.id")}. */
    public static Expression col(String reference) {
        return new ExpressionNode(Ast.column(reference));
    }

    /**
     * A {@link #param} or Java array/collection bound as an SQL array of {@code elementType} ({@code "text"}), for a raw
     * position nothing types: {@code raw("cardinality(?) > 1", array(param("tags"), "text"))}. MySQL, MariaDB and
     * SQLite refuse it before any SQL.
     */
    public static Expression array(Object value, String elementType) {
        Arguments.notNull(value, "value");
        if (Arguments.notNull(elementType, "elementType").isBlank()) {
            throw new InvalidQueryException("array(...) needs an element type name, got a blank one");
        }
        return new ExpressionNode(new Ast.TypedArray(Nodes.operand(value), elementType.strip()));
    }

    /**
     * Literal SQL written by the programmer, with {@code ?} for each argument (values or params); never user input. A
     * {@code ;} outside quoted text is refused before any SQL runs (see {@link #rawUnchecked}).
     */
    public static RawSql raw(String sql, Object... arguments) {
        Arguments.notNull(sql, "sql");
        RawFragmentCheck.check(sql);
        return rawUnchecked(sql, arguments);
    }

    /** {@link #raw} without the {@code ;} check (a {@code ;} in a comment or a dollar-quoted string); never user input. */
    public static RawSql rawUnchecked(String sql, Object... arguments) {
        Arguments.notNull(sql, "sql");
        long placeholders = sql.chars().filter(c -> c == '?').count();
        if (placeholders != arguments.length) {
            throw new InvalidQueryException("raw SQL has " + placeholders + " '?' but " + arguments.length
                    + " arguments: " + sql);
        }
        return new RawSql(new Ast.Raw(sql, java.util.Arrays.stream(arguments).map(Nodes::operand).toList()));
    }

    // ------------------------------------------------------------ comparisons

    public static Condition eq(String column, @Nullable Object value) {
        return compare(Ast.column(column), "=", value);
    }

    public static Condition eq(Expression left, @Nullable Object value) {
        return compare(left, "=", value);
    }

    public static Condition ne(String column, @Nullable Object value) {
        return compare(Ast.column(column), "<>", value);
    }

    public static Condition ne(Expression left, @Nullable Object value) {
        return compare(left, "<>", value);
    }

    public static Condition gt(String column, @Nullable Object value) {
        return compare(Ast.column(column), ">", value);
    }

    public static Condition gt(Expression left, @Nullable Object value) {
        return compare(left, ">", value);
    }

    public static Condition ge(String column, @Nullable Object value) {
        return compare(Ast.column(column), ">=", value);
    }

    public static Condition ge(Expression left, @Nullable Object value) {
        return compare(left, ">=", value);
    }

    public static Condition lt(String column, @Nullable Object value) {
        return compare(Ast.column(column), "<", value);
    }

    public static Condition lt(Expression left, @Nullable Object value) {
        return compare(left, "<", value);
    }

    public static Condition le(String column, @Nullable Object value) {
        return compare(Ast.column(column), "<=", value);
    }

    public static Condition le(Expression left, @Nullable Object value) {
        return compare(left, "<=", value);
    }

    private static Condition compare(Expression left, String operator, @Nullable Object value) {
        return compare(Nodes.expr(left, "left"), operator, value);
    }

    private static Condition compare(Ast.Expr left, String operator, @Nullable Object value) {
        if (value == null) {
            throw new InvalidQueryException("Comparing " + left + " " + operator
                    + " null is never true in SQL; use isNull/isNotNull, or param(...) for a value that may be null");
        }
        return new ConditionNode(new Ast.Compare(left, operator, Nodes.operand(value)));
    }

    // ------------------------------------------------------------ LIKE

    /** LIKE with a pattern as given (% and _ are wildcards). */
    public static Condition like(String column, Object pattern) {
        return like(column, pattern, LikeMode.PATTERN, false);
    }

    public static Condition notLike(String column, Object pattern) {
        return like(column, pattern, LikeMode.PATTERN, true);
    }

    /** LIKE %value% with % and _ in the value escaped. */
    public static Condition contains(String column, Object value) {
        return like(column, value, LikeMode.CONTAINS, false);
    }

    /** LIKE value% with % and _ in the value escaped. */
    public static Condition startsWith(String column, Object value) {
        return like(column, value, LikeMode.STARTS_WITH, false);
    }

    /** LIKE %value with % and _ in the value escaped. */
    public static Condition endsWith(String column, Object value) {
        return like(column, value, LikeMode.ENDS_WITH, false);
    }

    private static Condition like(String column, Object value, LikeMode mode, boolean negated) {
        Arguments.notNull(value, "LIKE");
        return new ConditionNode(new Ast.Like(Ast.column(column), Nodes.operand(value), mode, negated));
    }

    // ------------------------------------------------------------ IN, BETWEEN, NULL

    /** IN a collection, a collection parameter, or a subquery. An empty collection matches nothing. */
    public static Condition in(String column, Object values) {
        return in(Ast.column(column), values, false);
    }

    /** NOT IN a collection, a collection parameter, or a subquery. An empty collection matches everything. */
    public static Condition notIn(String column, Object values) {
        return in(Ast.column(column), values, true);
    }

    private static Condition in(Ast.Expr left, Object values, boolean negated) {
        Arguments.notNull(values, "IN");
        return new ConditionNode(new Ast.In(left, Nodes.operand(values), negated));
    }

    public static Condition between(String column, Object low, Object high) {
        return new ConditionNode(new Ast.Between(Ast.column(column), Nodes.operand(Arguments.notNull(low, "low")),
                Nodes.operand(Arguments.notNull(high, "high")), false));
    }

    public static Condition notBetween(String column, Object low, Object high) {
        return new ConditionNode(new Ast.Between(Ast.column(column), Nodes.operand(Arguments.notNull(low, "low")),
                Nodes.operand(Arguments.notNull(high, "high")), true));
    }

    public static Condition isNull(String column) {
        return new ConditionNode(new Ast.IsNull(Ast.column(column), false));
    }

    public static Condition isNotNull(String column) {
        return new ConditionNode(new Ast.IsNull(Ast.column(column), true));
    }

    // ------------------------------------------------------------ logic

    public static Condition and(Condition... conditions) {
        return junction(true, conditions);
    }

    public static Condition or(Condition... conditions) {
        return junction(false, conditions);
    }

    private static Condition junction(boolean and, Condition... conditions) {
        if (conditions.length == 0) {
            throw new InvalidQueryException((and ? "and" : "or") + "() needs at least one condition");
        }
        List<Ast.Cond> parts = new ArrayList<>(conditions.length);
        for (Condition c : conditions) {
            parts.add(Nodes.cond(c, "condition"));
        }
        return conditions.length == 1 ? conditions[0] : new ConditionNode(new Ast.Junction(and, List.copyOf(parts)));
    }

    public static Condition not(Condition condition) {
        return new ConditionNode(new Ast.Not(Nodes.cond(condition, "condition")));
    }

    public static Condition exists(ModelQuery<?> subquery) {
        return new ConditionNode(new Ast.Exists(subquery.spec(), false));
    }

    public static Condition notExists(ModelQuery<?> subquery) {
        return new ConditionNode(new Ast.Exists(subquery.spec(), true));
    }

    /** EXISTS of a raw SQL subquery: {@code exists(raw("SELECT 1 FROM badges WHERE badges.employee_id = ?", col("e.id")))}. */
    public static Condition exists(RawSql subquery) {
        return rawExists("EXISTS (", Nodes.raw(subquery));
    }

    /** NOT EXISTS of a raw SQL subquery. */
    public static Condition notExists(RawSql subquery) {
        return rawExists("NOT EXISTS (", Nodes.raw(subquery));
    }

    private static Condition rawExists(String open, Ast.Raw subquery) {
        return new RawSql(new Ast.Raw(open + subquery.sql() + ")", subquery.arguments()));
    }

    // ------------------------------------------------------------ aggregates

    /** COUNT(*). */
    public static Expression count() {
        return new ExpressionNode(new Ast.Aggregate("COUNT", null, false));
    }

    public static Expression count(String column) {
        return new ExpressionNode(new Ast.Aggregate("COUNT", Ast.column(column), false));
    }

    public static Expression countDistinct(String column) {
        return new ExpressionNode(new Ast.Aggregate("COUNT", Ast.column(column), true));
    }

    public static Expression sum(String column) {
        return new ExpressionNode(new Ast.Aggregate("SUM", Ast.column(column), false));
    }

    public static Expression avg(String column) {
        return new ExpressionNode(new Ast.Aggregate("AVG", Ast.column(column), false));
    }

    public static Expression min(String column) {
        return new ExpressionNode(new Ast.Aggregate("MIN", Ast.column(column), false));
    }

    public static Expression max(String column) {
        return new ExpressionNode(new Ast.Aggregate("MAX", Ast.column(column), false));
    }

    // ------------------------------------------------------------ order

    public static Order asc(String column) {
        return new OrderNode(new Ast.OrderItem(Ast.column(column), false));
    }

    public static Order desc(String column) {
        return new OrderNode(new Ast.OrderItem(Ast.column(column), true));
    }

    public static Order asc(Expression expression) {
        return new OrderNode(new Ast.OrderItem(Nodes.expr(expression, "expression"), false));
    }

    public static Order desc(Expression expression) {
        return new OrderNode(new Ast.OrderItem(Nodes.expr(expression, "expression"), true));
    }

    // ------------------------------------------------------------ joins

    /** INNER JOIN a relation ({@code @BelongsTo}, {@code @HasOne}, {@code @HasMany}). */
    public static Join inner(String relation) {
        return new JoinNode(Ast.JoinSpec.relation(JoinKind.INNER, relation));
    }

    /** LEFT JOIN a relation ({@code @BelongsTo}, {@code @HasOne}, {@code @HasMany}). */
    public static Join left(String relation) {
        return new JoinNode(Ast.JoinSpec.relation(JoinKind.LEFT, relation));
    }

    /** RIGHT JOIN a relation: every row of the related table, a root whose columns are null where none matches. */
    public static Join right(String relation) {
        return new JoinNode(Ast.JoinSpec.relation(JoinKind.RIGHT, relation));
    }

    /** FULL JOIN a relation (PostgreSQL, SQLite 3.39+; elsewhere an {@code UnsupportedJoinException}). */
    public static Join full(String relation) {
        return new JoinNode(Ast.JoinSpec.relation(JoinKind.FULL, relation));
    }

    /** INNER JOIN a model's table under an alias; give the condition with {@code .on(...)}. */
    public static Join inner(Class<? extends Model> model, String alias) {
        return new JoinNode(Ast.JoinSpec.model(JoinKind.INNER, model, alias));
    }

    /** LEFT JOIN a model's table under an alias; give the condition with {@code .on(...)}. */
    public static Join left(Class<? extends Model> model, String alias) {
        return new JoinNode(Ast.JoinSpec.model(JoinKind.LEFT, model, alias));
    }

    /** RIGHT JOIN a model's table under an alias; give the condition with {@code .on(...)}. */
    public static Join right(Class<? extends Model> model, String alias) {
        return new JoinNode(Ast.JoinSpec.model(JoinKind.RIGHT, model, alias));
    }

    /** FULL JOIN a model's table under an alias, where the database has FULL JOIN; give the condition with {@code .on(...)}. */
    public static Join full(Class<? extends Model> model, String alias) {
        return new JoinNode(Ast.JoinSpec.model(JoinKind.FULL, model, alias));
    }

    /** CROSS JOIN a model's table under an alias: every pair of rows, no condition. */
    public static Join cross(Class<? extends Model> model, String alias) {
        return new JoinNode(Ast.JoinSpec.model(JoinKind.CROSS, model, alias));
    }

    /** A table that no model class maps, to join by name: {@code inner(table("badges"), "b").on(...)}. */
    public static TableRef table(String name) {
        return new TableRef(new Ast.TableName(null, name));
    }

    /** A table of another schema that no model class maps. */
    public static TableRef table(String schema, String name) {
        return new TableRef(new Ast.TableName(Arguments.notNull(schema, "schema"), name));
    }

    /** INNER JOIN a table by name under an alias; its columns are known as {@code "alias.column"}. */
    public static Join inner(TableRef table, String alias) {
        return tableJoin(JoinKind.INNER, table, alias);
    }

    /** LEFT JOIN a table by name under an alias. */
    public static Join left(TableRef table, String alias) {
        return tableJoin(JoinKind.LEFT, table, alias);
    }

    /** RIGHT JOIN a table by name under an alias. */
    public static Join right(TableRef table, String alias) {
        return tableJoin(JoinKind.RIGHT, table, alias);
    }

    /** FULL JOIN a table by name under an alias, where the database has FULL JOIN. */
    public static Join full(TableRef table, String alias) {
        return tableJoin(JoinKind.FULL, table, alias);
    }

    /** CROSS JOIN a table by name under an alias. */
    public static Join cross(TableRef table, String alias) {
        return tableJoin(JoinKind.CROSS, table, alias);
    }

    private static Join tableJoin(JoinKind kind, TableRef table, String alias) {
        return new JoinNode(Ast.JoinSpec.table(kind, Arguments.notNull(table, "table").node, alias));
    }
}

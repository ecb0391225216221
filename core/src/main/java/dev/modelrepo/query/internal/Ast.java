package dev.modelrepo.query.internal;

import dev.modelrepo.internal.Arguments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.Model;
import dev.modelrepo.query.Condition;
import dev.modelrepo.query.InvalidIdentifierException;
import dev.modelrepo.query.InvalidQueryException;
import dev.modelrepo.query.Expression;
import dev.modelrepo.query.Join;
import dev.modelrepo.query.Order;

/**
 * The nodes of the query AST: immutable records with structural equality. {@code shape} returns the node
 * with every literal value replaced by a slot and the values appended, in render order, to a list: equal
 * shapes render to the same SQL, so they share one query-cache entry whatever the values.
 */
public final class Ast {

    private Ast() {
    }

    /** Checks one identifier (no quotes, dots, spaces or comments can pass). */
    public static String identifier(String name, String what) {
        if (!isIdentifier(name)) {
            throw new InvalidIdentifierException(what, name);
        }
        return name;
    }

    /** A letter or underscore, then letters, digits, underscores or dollars; at most 128 characters. */
    static boolean isIdentifier(String name) {
        if (name == null || name.isEmpty() || name.length() > 128) {
            return false;
        }
        char first = name.charAt(0);
        if (!(Character.isLetter(first) || first == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code "column"} or {@code "alias.column"}. */
    public static ColumnRef column(String reference) {
        if (reference == null) {
            throw new InvalidIdentifierException("column reference", null);
        }
        int dot = reference.indexOf('.');
        if (dot < 0) {
            return new ColumnRef(null, identifier(reference, "column"));
        }
        return new ColumnRef(identifier(reference.substring(0, dot), "alias"),
                identifier(reference.substring(dot + 1), "column"));
    }

    /**
     * The node, when modelrepo built it (with {@link dev.modelrepo.query.Q} or {@code ModelQuery}), else an
     * {@link InvalidQueryException}. Condition, Expression, Order and Join cannot be sealed: their implementations
     * are the records here, in another package, and Java 17 outside a named module permits only the same package.
     * So a class of the application's own is refused here, before it could fail as a ClassCastException later.
     */
    public static <T> T built(@Nullable T node, String name) {
        Arguments.notNull(node, name);
        if (!(node instanceof Shaped<?>)) {   // every node of this class is Shaped (and cheap to test on the hot path)
            throw new InvalidQueryException(name + " must be built with Q or ModelQuery (a class of the application cannot be one): "
                    + node.getClass().getName() + " is not one of modelrepo's query nodes, which are the only ones it can render");
        }
        return node;
    }

    /** Wraps a right-hand operand: expressions stay, queries become subqueries, anything else is a bound value. */
    public static Expression operand(@Nullable Object value) {
        if (value instanceof Expression e) {
            return built(e, "expression");
        }
        if (value instanceof dev.modelrepo.query.ModelQuery<?> q) {
            return new Subquery(q.spec());
        }
        return new Literal(value);
    }

    /** A node that can lift its literals out. */
    public interface Shaped<T> {
        T shape(List<@Nullable Object> literals);
    }

    @SuppressWarnings("unchecked")
    static <T> T shapeOf(T node, List<@Nullable Object> literals) {
        return node == null ? null : ((Shaped<T>) built(node, "query part")).shape(literals);
    }

    static <T> List<T> shapeAll(List<T> nodes, List<@Nullable Object> literals) {
        if (nodes.isEmpty()) {
            return nodes;
        }
        List<T> out = new ArrayList<>(nodes.size());
        for (T node : nodes) {
            out.add(shapeOf(node, literals));
        }
        return out;
    }

    // ---------------------------------------------------------------- expressions

    /** {@code alias.column}; a null alias means the query's root alias (or a select-list name). */
    public record ColumnRef(@Nullable String alias, String column) implements Expression, Shaped<ColumnRef> {
        @Override
        public ColumnRef shape(List<@Nullable Object> literals) {
            return this;
        }

        @Override
        public String toString() {
            return alias == null ? column : alias + "." + column;
        }
    }

    /** A bound literal value (a collection when bound to IN). */
    public record Literal(@Nullable Object value) implements Expression, Shaped<Expression> {
        @Override
        public Expression shape(List<@Nullable Object> literals) {
            literals.add(value);
            return new LiteralSlot(literals.size() - 1, value instanceof Collection<?> || value instanceof Object[]);
        }
    }

    /**
     * The place of a literal in a shape: its index among the query's literal values (positional, so equal
     * shapes have equal slots whatever the values) and whether it is a collection.
     */
    public record LiteralSlot(int index, boolean list) implements Expression, Shaped<LiteralSlot> {
        @Override
        public LiteralSlot shape(List<@Nullable Object> literals) {
            return this;
        }
    }

    /** A value bound as an SQL array of a named element type ({@code Q.array}); a literal value stays one value. */
    public record TypedArray(Expression value, String elementType) implements Expression, Shaped<TypedArray> {
        @Override
        public TypedArray shape(List<@Nullable Object> literals) {
            if (value instanceof Literal l) {
                literals.add(l.value());
                return new TypedArray(new LiteralSlot(literals.size() - 1, false), elementType);
            }
            return new TypedArray(shapeOf(value, literals), elementType);
        }
    }

    /** A named parameter, bound at execution from the params map. */
    public record Param(String name) implements Expression, Shaped<Param> {
        @Override
        public Param shape(List<@Nullable Object> literals) {
            return this;
        }
    }

    /** COUNT/SUM/AVG/MIN/MAX of an expression (null argument: {@code COUNT(*)}). */
    public record Aggregate(String function, @Nullable Expression argument, boolean distinct)
            implements Expression, Shaped<Aggregate> {
        @Override
        public Aggregate shape(List<@Nullable Object> literals) {
            return argument == null ? this : new Aggregate(function, shapeOf(argument, literals), distinct);
        }
    }

    /** An expression with an output name. */
    public record Aliased(Expression expression, String alias) implements Expression, Shaped<Aliased> {
        @Override
        public Aliased shape(List<@Nullable Object> literals) {
            return new Aliased(shapeOf(expression, literals), alias);
        }

        @Override
        public Expression as(String newAlias) {
            return new Aliased(expression, identifier(newAlias, "alias"));
        }
    }

    /** A subquery used as a value (IN, scalar). */
    public record Subquery(QuerySpec spec) implements Expression, Shaped<Subquery> {
        @Override
        public Subquery shape(List<@Nullable Object> literals) {
            return new Subquery(spec.shape(literals));
        }
    }

    /** Literal SQL written by the programmer, with {@code ?} placeholders for its arguments. */
    public record Raw(String sql, List<Expression> arguments) implements Expression, Condition, Shaped<Raw> {
        @Override
        public Raw shape(List<@Nullable Object> literals) {
            return new Raw(sql, shapeAll(arguments, literals));
        }
    }

    // ---------------------------------------------------------------- conditions

    /** {@code left op right} for =, <>, >, >=, <, <=. */
    public record Compare(Expression left, String operator, Expression right) implements Condition, Shaped<Compare> {
        @Override
        public Compare shape(List<@Nullable Object> literals) {
            return new Compare(shapeOf(left, literals), operator, shapeOf(right, literals));
        }
    }

    /** How a LIKE value is used: as the pattern, or escaped and wrapped for contains/startsWith/endsWith. */
    public enum LikeMode {
        PATTERN, CONTAINS, STARTS_WITH, ENDS_WITH
    }

    /** {@code left [NOT] LIKE pattern}. */
    public record Like(Expression left, Expression pattern, LikeMode mode, boolean negated) implements Condition, Shaped<Like> {
        @Override
        public Like shape(List<@Nullable Object> literals) {
            return new Like(shapeOf(left, literals), shapeOf(pattern, literals), mode, negated);
        }
    }

    /** {@code left [NOT] IN (values)}: a collection literal, a collection parameter, or a subquery. */
    public record In(Expression left, Expression values, boolean negated) implements Condition, Shaped<In> {
        @Override
        public In shape(List<@Nullable Object> literals) {
            Expression v = values instanceof Literal l && !(l.value() instanceof Collection<?> || l.value() instanceof Object[])
                    ? new Literal(List.of(l.value() == null ? List.of() : l.value())) : values;
            return new In(shapeOf(left, literals), shapeOf(v, literals), negated);
        }
    }

    /** {@code left [NOT] BETWEEN low AND high}. */
    public record Between(Expression left, Expression low, Expression high, boolean negated)
            implements Condition, Shaped<Between> {
        @Override
        public Between shape(List<@Nullable Object> literals) {
            return new Between(shapeOf(left, literals), shapeOf(low, literals), shapeOf(high, literals), negated);
        }
    }

    /** {@code left IS [NOT] NULL}. */
    public record IsNull(Expression left, boolean negated) implements Condition, Shaped<IsNull> {
        @Override
        public IsNull shape(List<@Nullable Object> literals) {
            return new IsNull(shapeOf(left, literals), negated);
        }
    }

    /** AND / OR of conditions. */
    public record Junction(boolean and, List<Condition> parts) implements Condition, Shaped<Junction> {
        @Override
        public Junction shape(List<@Nullable Object> literals) {
            return new Junction(and, shapeAll(parts, literals));
        }
    }

    /** NOT of a condition. */
    public record Not(Condition condition) implements Condition, Shaped<Not> {
        @Override
        public Not shape(List<@Nullable Object> literals) {
            return new Not(shapeOf(condition, literals));
        }
    }

    /** [NOT] EXISTS (subquery). */
    public record Exists(QuerySpec query, boolean negated) implements Condition, Shaped<Exists> {
        @Override
        public Exists shape(List<@Nullable Object> literals) {
            return new Exists(query.shape(literals), negated);
        }
    }

    // ---------------------------------------------------------------- clauses

    /** One ORDER BY item. */
    public record OrderItem(Expression expression, boolean descending) implements Order, Shaped<OrderItem> {
        @Override
        public OrderItem shape(List<@Nullable Object> literals) {
            return new OrderItem(shapeOf(expression, literals), descending);
        }
    }

    /** INNER or LEFT. */
    public enum JoinType {
        INNER, LEFT
    }

    /** A join by relation ({@code relation} set) or by model and condition ({@code model}, {@code alias}, {@code on}). */
    public record JoinSpec(JoinType type, @Nullable String relation, @Nullable String through,
            @Nullable Class<? extends Model> model, @Nullable String alias, @Nullable Condition on)
            implements Join, Shaped<JoinSpec> {

        public static JoinSpec relation(JoinType type, String relation) {
            return new JoinSpec(type, identifier(relation, "relation"), null, null, null, null);
        }

        public static JoinSpec model(JoinType type, Class<? extends Model> model, String alias) {
            return new JoinSpec(type, null, null, Arguments.notNull(model, "model"), identifier(alias, "alias"), null);
        }

        public JoinSpec withOn(Condition condition) {
            return new JoinSpec(type, relation, through, model, alias, built(condition, "condition"));
        }

        public JoinSpec withThrough(String via) {
            return new JoinSpec(type, relation, identifier(via, "relation"), model, alias, on);
        }

        public JoinSpec withAlias(String newAlias) {
            return new JoinSpec(type, relation, through, model, identifier(newAlias, "alias"), on);
        }

        /** The alias the joined table is known by. */
        public String effectiveAlias() {
            return alias != null ? alias : java.util.Objects.requireNonNull(relation);
        }

        @Override
        public JoinSpec shape(List<@Nullable Object> literals) {
            return on == null ? this : new JoinSpec(type, relation, through, model, alias, shapeOf(on, literals));
        }
    }
}

package dev.modelrepo.query.internal;

import dev.modelrepo.internal.Arguments;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.JoinKind;
import dev.modelrepo.model.Model;
import dev.modelrepo.query.error.InvalidIdentifierException;
import dev.modelrepo.query.error.InvalidQueryException;

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
     * An expression node: the value {@code Expression} of the public DSL wraps. {@code shape} returns it with every
     * literal value replaced by a slot, the values appended to {@code literals} in render order.
     */
    public sealed interface Expr permits ColumnRef, Literal, LiteralSlot, Param, Aggregate, Aliased, Subquery, Raw, TypedArray, Unconverted {
        Expr shape(List<@Nullable Object> literals);
    }

    /** A condition node: the value {@code Condition} of the public DSL wraps; shaped like an {@link Expr}. */
    public sealed interface Cond permits Raw, Compare, Like, In, Between, IsNull, Junction, Not, Exists, KeyIn {
        Cond shape(List<@Nullable Object> literals);
    }

    /** The expression with an output name; a name given to a named expression replaces it. */
    public static Aliased aliased(Expr expression, String alias) {
        String name = identifier(alias, "alias");
        return expression instanceof Aliased a ? new Aliased(a.expression(), name) : new Aliased(expression, name);
    }

    static @Nullable Expr shapeExpr(@Nullable Expr node, List<@Nullable Object> literals) {
        return node == null ? null : node.shape(literals);
    }

    static @Nullable Cond shapeCond(@Nullable Cond node, List<@Nullable Object> literals) {
        return node == null ? null : node.shape(literals);
    }

    /** The nodes shaped in order (the order their literals are appended in); an empty list stays itself. */
    static <T> List<T> shapeAll(List<T> nodes, UnaryOperator<T> shape) {
        if (nodes.isEmpty()) {
            return nodes;
        }
        List<T> out = new ArrayList<>(nodes.size());
        for (T node : nodes) {
            out.add(shape.apply(node));
        }
        return out;
    }

    // ---------------------------------------------------------------- expressions

    /** {@code alias.column}; a null alias means the query's root alias (or a select-list name). */
    public record ColumnRef(@Nullable String alias, String column) implements Expr {
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
    public record Literal(@Nullable Object value) implements Expr {
        @Override
        public Expr shape(List<@Nullable Object> literals) {
            literals.add(value);
            return new LiteralSlot(literals.size() - 1, value instanceof Collection<?> || value instanceof Object[]);
        }
    }

    /**
     * The place of a literal in a shape: its index among the query's literal values (positional, so equal
     * shapes have equal slots whatever the values) and whether it is a collection.
     */
    public record LiteralSlot(int index, boolean list) implements Expr {
        @Override
        public LiteralSlot shape(List<@Nullable Object> literals) {
            return this;
        }
    }

    /** A value bound as an SQL array of a named element type ({@code Q.array}); a literal value stays one value. */
    public record TypedArray(Expr value, String elementType) implements Expr {
        @Override
        public TypedArray shape(List<@Nullable Object> literals) {
            if (value instanceof Literal l) {
                literals.add(l.value());
                return new TypedArray(new LiteralSlot(literals.size() - 1, false), elementType);
            }
            return new TypedArray(value.shape(literals), elementType);
        }
    }

    /** A named parameter, bound at execution from the params map. */
    public record Param(String name) implements Expr {
        @Override
        public Param shape(List<@Nullable Object> literals) {
            return this;
        }
    }

    /** COUNT/SUM/AVG/MIN/MAX of an expression (null argument: {@code COUNT(*)}). */
    public record Aggregate(String function, @Nullable Expr argument, boolean distinct) implements Expr {
        @Override
        public Aggregate shape(List<@Nullable Object> literals) {
            return argument == null ? this : new Aggregate(function, argument.shape(literals), distinct);
        }
    }

    /** An expression with an output name. */
    public record Aliased(Expr expression, String alias) implements Expr {
        @Override
        public Aliased shape(List<@Nullable Object> literals) {
            return new Aliased(expression.shape(literals), alias);
        }
    }

    /** A subquery used as a value (IN, scalar). */
    public record Subquery(QuerySpec spec) implements Expr {
        @Override
        public Subquery shape(List<@Nullable Object> literals) {
            return new Subquery(spec.shape(literals));
        }
    }

    /** Literal SQL written by the programmer, with {@code ?} placeholders for its arguments. */
    public record Raw(String sql, List<Expr> arguments) implements Expr, Cond {
        @Override
        public Raw shape(List<@Nullable Object> literals) {
            return new Raw(sql, shapeAll(arguments, a -> a.shape(literals)));
        }
    }

    /**
     * A value ({@link Literal}, {@link LiteralSlot} or {@link Param}) bound exactly as given, without the conversion to the
     * compared column's type or its converter: for the rare value the database must convert itself.
     */
    public record Unconverted(Expr value) implements Expr {
        public Unconverted {
            if (!(value instanceof Literal || value instanceof LiteralSlot || value instanceof Param)) {
                throw new InvalidQueryException("Only a value or a param(...) can be unconverted, not " + value);
            }
        }

        @Override
        public Unconverted shape(List<@Nullable Object> literals) {
            return new Unconverted(value.shape(literals));
        }
    }

    // ---------------------------------------------------------------- conditions

    /** {@code left op right} for =, <>, >, >=, <, <=. */
    public record Compare(Expr left, String operator, Expr right) implements Cond {
        @Override
        public Compare shape(List<@Nullable Object> literals) {
            return new Compare(left.shape(literals), operator, right.shape(literals));
        }
    }

    /** How a LIKE value is used: as the pattern, or escaped and wrapped for contains/startsWith/endsWith. */
    public enum LikeMode {
        PATTERN, CONTAINS, STARTS_WITH, ENDS_WITH
    }

    /** {@code left [NOT] LIKE pattern}. */
    public record Like(Expr left, Expr pattern, LikeMode mode, boolean negated) implements Cond {
        @Override
        public Like shape(List<@Nullable Object> literals) {
            return new Like(left.shape(literals), pattern.shape(literals), mode, negated);
        }
    }

    /** {@code left [NOT] IN (values)}: a collection literal, a collection parameter, a subquery or raw SQL. */
    public record In(Expr left, Expr values, boolean negated) implements Cond {
        public In {
            if (values instanceof Unconverted) {
                throw new InvalidQueryException("in/notIn bind each value of a list converted to the column's type: an unconverted"
                        + " value cannot be a list; compare with eq(..., unconverted(value)) per value, or write the list in raw(...)");
            }
        }

        @Override
        public In shape(List<@Nullable Object> literals) {
            Expr v = values instanceof Literal l && !(l.value() instanceof Collection<?> || l.value() instanceof Object[])
                    ? new Literal(List.of(l.value() == null ? List.of() : l.value())) : values;
            return new In(left.shape(literals), v.shape(literals), negated);
        }
    }

    /** {@code left [NOT] BETWEEN low AND high}. */
    public record Between(Expr left, Expr low, Expr high, boolean negated) implements Cond {
        @Override
        public Between shape(List<@Nullable Object> literals) {
            return new Between(left.shape(literals), low.shape(literals), high.shape(literals), negated);
        }
    }

    /** {@code left IS [NOT] NULL}. */
    public record IsNull(Expr left, boolean negated) implements Cond {
        @Override
        public IsNull shape(List<@Nullable Object> literals) {
            return new IsNull(left.shape(literals), negated);
        }
    }

    /** AND / OR of conditions. */
    public record Junction(boolean and, List<Cond> parts) implements Cond {
        @Override
        public Junction shape(List<@Nullable Object> literals) {
            return new Junction(and, shapeAll(parts, p -> p.shape(literals)));
        }
    }

    /** NOT of a condition. */
    public record Not(Cond condition) implements Cond {
        @Override
        public Not shape(List<@Nullable Object> literals) {
            return new Not(condition.shape(literals));
        }
    }

    /** [NOT] EXISTS (subquery). */
    public record Exists(QuerySpec query, boolean negated) implements Cond {
        @Override
        public Exists shape(List<@Nullable Object> literals) {
            return new Exists(query.shape(literals), negated);
        }
    }

    /**
     * {@code key IN} the keys a subquery selects (its first columns, the same key: one column, or several as a row value
     * {@code (a, b) IN …}), in the form the dialect's {@link dev.modelrepo.dialect.KeySubquery} gives. Built by the
     * compiler, never by the DSL.
     */
    public record KeyIn(List<ColumnRef> key, QuerySpec keys) implements Cond {

        public KeyIn {
            key = List.copyOf(key);
        }

        /** A single-column key. */
        public KeyIn(ColumnRef key, QuerySpec keys) {
            this(List.of(key), keys);
        }

        @Override
        public KeyIn shape(List<@Nullable Object> literals) {
            return new KeyIn(key, keys.shape(literals));
        }
    }

    // ---------------------------------------------------------------- clauses

    /** One ORDER BY item. */
    public record OrderItem(Expr expression, boolean descending) {
        public OrderItem shape(List<@Nullable Object> literals) {
            return new OrderItem(expression.shape(literals), descending);
        }
    }

    /** A table joined by name, without a model class. */
    public record TableName(@Nullable String schema, String name) {
        public TableName {
            if (schema != null) {
                identifier(schema, "schema");
            }
            identifier(name, "table");
        }

        @Override
        public String toString() {
            return schema == null ? name : schema + "." + name;
        }
    }

    /**
     * A join by relation ({@code relation} set), by model ({@code model}) or by table name ({@code table}), under
     * {@code alias} and with the condition {@code on}; a CROSS join has none.
     */
    public record JoinSpec(JoinKind type, @Nullable String relation, @Nullable String through,
            @Nullable Class<? extends Model> model, @Nullable TableName table, @Nullable String alias, @Nullable Cond on) {

        public static JoinSpec relation(JoinKind type, String relation) {
            return new JoinSpec(type, identifier(relation, "relation"), null, null, null, null, null);
        }

        public static JoinSpec model(JoinKind type, Class<? extends Model> model, String alias) {
            return new JoinSpec(type, null, null, Arguments.notNull(model, "model"), null, identifier(alias, "alias"), null);
        }

        public static JoinSpec table(JoinKind type, TableName table, String alias) {
            return new JoinSpec(type, null, null, null, Arguments.notNull(table, "table"), identifier(alias, "alias"), null);
        }

        public JoinSpec withOn(Cond condition) {
            if (type == JoinKind.CROSS) {
                throw new InvalidQueryException("A CROSS JOIN pairs every row and takes no condition; join with inner(...).on(...)"
                        + " to give one");
            }
            return new JoinSpec(type, relation, through, model, table, alias, condition);
        }

        public JoinSpec withThrough(String via) {
            return new JoinSpec(type, relation, identifier(via, "relation"), model, table, alias, on);
        }

        public JoinSpec withAlias(String newAlias) {
            return new JoinSpec(type, relation, through, model, table, identifier(newAlias, "alias"), on);
        }

        /** The alias the joined table is known by. */
        public String effectiveAlias() {
            return alias != null ? alias : java.util.Objects.requireNonNull(relation);
        }

        public JoinSpec shape(List<@Nullable Object> literals) {
            return on == null ? this : new JoinSpec(type, relation, through, model, table, alias, on.shape(literals));
        }
    }
}

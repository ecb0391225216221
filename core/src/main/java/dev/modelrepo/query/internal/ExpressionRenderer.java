package dev.modelrepo.query.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.InListStrategy;
import dev.modelrepo.dialect.KeySubquery;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.query.internal.Ast.Cond;
import dev.modelrepo.query.internal.Ast.Expr;
import dev.modelrepo.query.internal.Ast.LikeMode;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.query.error.InvalidQueryException;

/**
 * Renders conditions and expressions of one SELECT into a {@link SqlWriter}: columns are resolved against the
 * scope and quoted; every value becomes a typed bind slot, typed by the column it is compared with.
 */
final class ExpressionRenderer {


    private final Dialect dialect;

    private final SqlWriter out;

    private final Scope scope;

    /** Renders a subquery (IN, EXISTS, scalar) with this scope as its parent. */
    private final BiConsumer<QuerySpec, Scope> subquery;

    /** Whether this renders ORDER BY, where a select-list name wins over a column of the same name (as SQL has it). */
    private final boolean orderBy;

    ExpressionRenderer(Dialect dialect, SqlWriter out, Scope scope, BiConsumer<QuerySpec, Scope> subquery) {
        this(dialect, out, scope, subquery, false);
    }

    private ExpressionRenderer(Dialect dialect, SqlWriter out, Scope scope, BiConsumer<QuerySpec, Scope> subquery, boolean orderBy) {
        this.dialect = dialect;
        this.out = out;
        this.scope = scope;
        this.subquery = subquery;
        this.orderBy = orderBy;
    }

    /** The renderer of ORDER BY items: an unqualified name is first a select-list name ({@code count().as("n")}). */
    ExpressionRenderer forOrderBy() {
        return new ExpressionRenderer(dialect, out, scope, subquery, true);
    }

    void condition(Cond condition) {
        if (condition instanceof Ast.Compare c) {
            compare(c);
        }
        else if (condition instanceof Ast.Like l) {
            like(l);
        }
        else if (condition instanceof Ast.In in) {
            in(in);
        }
        else if (condition instanceof Ast.Between b) {
            between(b);
        }
        else if (condition instanceof Ast.IsNull n) {
            expression(n.left(), null);
            out.append(n.negated() ? " IS NOT NULL" : " IS NULL");
        }
        else if (condition instanceof Ast.Junction j) {
            junction(j);
        }
        else if (condition instanceof Ast.Not n) {
            out.append("NOT (");
            condition(n.condition());
            out.append(')');
        }
        else if (condition instanceof Ast.Exists e) {
            out.append(e.negated() ? "NOT EXISTS (" : "EXISTS (");
            subquery.accept(e.query(), scope);
            out.append(')');
        }
        else if (condition instanceof Ast.Raw r) {
            raw(r);
        }
        else if (condition instanceof Ast.KeyIn k) {
            keyIn(k);
        }
        else {
            throw new InvalidQueryException("Unknown condition " + condition);
        }
    }

    /** The key (a row value of a composite key), then the subquery of keys in the dialect's form. */
    private void keyIn(Ast.KeyIn k) {
        KeySubquery form = dialect.keySubquery();
        List<String> left = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (Ast.ColumnRef ref : k.key()) {
            left.add(columnSql(ref));
            names.add(dialect.quote(scope.resolve(ref).column().sqlName()));
        }
        out.append(KeySubquery.row(left)).append(form.open(names));
        subquery.accept(k.keys(), scope);
        out.append(form.close());
    }

    private void compare(Ast.Compare c) {
        ColumnMetadata type = typeOf(c.left());
        expression(c.left(), typeOf(c.right()));
        out.append(' ').append(c.operator()).append(' ');
        converted = converterOf(c.left());
        expression(c.right(), type);
        converted = null;
    }

    private void like(Ast.Like l) {
        ColumnMetadata type = typeOf(l.left());
        expression(l.left(), null);
        out.append(l.negated() ? " NOT LIKE " : " LIKE ");
        value(l.pattern(), type, l.mode(), false);
        if (l.mode() != LikeMode.PATTERN) {
            out.append(" ESCAPE '").append(dialect.likeEscaper().character()).append('\'');
        }
    }

    private void between(Ast.Between b) {
        ColumnMetadata type = typeOf(b.left());
        expression(b.left(), null);
        out.append(b.negated() ? " NOT BETWEEN " : " BETWEEN ");
        expression(b.low(), type);
        out.append(" AND ");
        expression(b.high(), type);
    }

    private void junction(Ast.Junction j) {
        List<Cond> parts = j.parts();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append(j.and() ? " AND " : " OR ");
            }
            boolean wrap = parts.get(i) instanceof Ast.Junction;
            if (wrap) {
                out.append('(');
            }
            condition(parts.get(i));
            if (wrap) {
                out.append(')');
            }
        }
    }

    private void in(Ast.In in) {
        ColumnMetadata type = typeOf(in.left());
        converted = converterOf(in.left());
        try {
            inList(in, type);
        }
        finally {
            converted = null;
        }
    }

    private void inList(Ast.In in, @Nullable ColumnMetadata type) {
        Expr values = in.values();
        if (values instanceof Ast.Subquery || values instanceof Ast.Raw) {
            expression(in.left(), null);
            out.append(in.negated() ? " NOT IN (" : " IN (");
            if (values instanceof Ast.Subquery s) {
                subquery.accept(s.spec(), scope);
            }
            else {
                raw((Ast.Raw) values);
            }
            out.append(')');
            return;
        }
        if (!(values instanceof Ast.Param) && !(values instanceof Ast.LiteralSlot)) {
            throw new InvalidQueryException("IN takes a collection, a param(...), a subquery or raw SQL, not " + values);
        }
        SqlWriter left = new SqlWriter();
        new ExpressionRenderer(dialect, left, scope, subquery).expression(in.left(), null);
        List<Object> leftParts = left.finish();
        if (!left.slots.isEmpty() || leftParts.size() > 1) {
            throw new InvalidQueryException("The left side of IN with a list must not contain bound values: " + in.left());
        }
        out.dynamicIn(leftParts.isEmpty() ? "" : (String) leftParts.get(0), in.negated(), slot(values, type, LikeMode.PATTERN, true, converted),
                dialect.inLists());
    }

    /** Renders an expression; {@code type} types a value by the column it is compared with. */
    void expression(Expr expression, @Nullable ColumnMetadata type) {
        if (expression instanceof Ast.ColumnRef ref) {
            out.append(columnSql(ref));
        }
        else if (expression instanceof Ast.Param || expression instanceof Ast.LiteralSlot) {
            value(expression, type, LikeMode.PATTERN, false);
        }
        else if (expression instanceof Ast.Aggregate a) {
            out.append(a.function()).append('(');
            if (a.argument() == null) {
                out.append('*');
            }
            else {
                if (a.distinct()) {
                    out.append("DISTINCT ");
                }
                expression(a.argument(), null);
            }
            out.append(')');
        }
        else if (expression instanceof Ast.Aliased a) {
            expression(a.expression(), type);
        }
        else if (expression instanceof Ast.Subquery s) {
            out.append('(');
            subquery.accept(s.spec(), scope);
            out.append(')');
        }
        else if (expression instanceof Ast.Raw r) {
            raw(r);
        }
        else if (expression instanceof Ast.TypedArray a) {
            out.bind(typedArray(a));
        }
        else if (expression instanceof Ast.Unconverted u) {
            String parameter = u.value() instanceof Ast.Param p ? p.name() : null;
            int literal = u.value() instanceof Ast.LiteralSlot s ? s.index() : -1;
            out.bind(new Slot(parameter, literal, ColumnKind.OTHER, dialect.binder(ColumnKind.OTHER, null), LikeMode.PATTERN, false,
                    null, "an unconverted value in a query of " + scope.root.describedAs, null, dev.modelrepo.types.ValueCoercion.standard()));
        }
        else {
            throw new InvalidQueryException("Unknown expression " + expression);
        }
    }

    /**
     * The select-list name an unqualified reference stands for, or null: in ORDER BY any output name, elsewhere one that
     * no column of the root has (names match case-insensitively).
     */
    private @Nullable String selectName(Ast.ColumnRef ref) {
        if (ref.alias() != null) {
            return null;
        }
        String name = scope.selectAliases.get(ref.column().toLowerCase(Locale.ROOT));
        return name != null && (orderBy || scope.root.column(ref.column()) == null) ? name : null;
    }

    /** The quoted {@code alias.column}, or a quoted select-list name. */
    String columnSql(Ast.ColumnRef ref) {
        String selectName = selectName(ref);
        if (selectName != null) {
            return dialect.quote(selectName);
        }
        Scope.Resolved r = scope.resolve(ref);
        String qualifier = r.source().qualifier != null ? r.source().qualifier : dialect.quote(r.source().alias);
        return qualifier + "." + dialect.quote(r.column().sqlName());
    }

    private void raw(Ast.Raw raw) {
        String sql = raw.sql();
        int arg = 0;
        int start = 0;
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '?') {
                out.append(sql.substring(start, i));
                expression(raw.arguments().get(arg++), null);
                start = i + 1;
            }
        }
        out.append(sql.substring(start));
    }

    private void value(Expr value, @Nullable ColumnMetadata type, LikeMode like, boolean list) {
        if (value instanceof Ast.Param || value instanceof Ast.LiteralSlot) {
            out.bind(slot(value, type, like, list, converted));
        }
        else {
            expression(value, type);
        }
    }

    private Slot slot(Expr value, @Nullable ColumnMetadata type, LikeMode like, boolean list) {
        return slot(value, type, like, list, null);
    }

    private Slot slot(Expr value, @Nullable ColumnMetadata type, LikeMode like, boolean list,
            dev.modelrepo.model.internal.@Nullable ColumnConversion converter) {
        String parameter = value instanceof Ast.Param p ? p.name() : null;
        int literal = value instanceof Ast.LiteralSlot s ? s.index() : -1;
        if (value instanceof Ast.LiteralSlot s && s.list() && !list && (type == null || type.kind() != ColumnKind.ARRAY)) {
            throw new InvalidQueryException("A collection can only be bound to in/notIn or an array column"
                    + " (Q.array(value, elementType) binds one where nothing types it); got one for " + describe(type));
        }
        ColumnKind kind = like != LikeMode.PATTERN ? ColumnKind.STRING : type != null ? type.kind() : ColumnKind.OTHER;
        String arrayType = list && dialect.inListStrategy() == InListStrategy.ARRAY && type != null
                ? dialect.arrayElementType(kind, type) : null;
        var binder = list && dialect.inListStrategy() == InListStrategy.ARRAY ? dialect.arrayBinder(kind, type)
                : type != null && like == LikeMode.PATTERN ? type.binder() : dialect.binder(kind, type);
        return new Slot(parameter, literal, kind, binder, like, list, arrayType, describe(type), converter,
                type != null ? type.coercion() : dev.modelrepo.types.ValueCoercion.standard());
    }

    /** {@code Q.array}: one value bound as an array of the named element type (refused where the database has none). */
    private Slot typedArray(Ast.TypedArray array) {
        Expr value = array.value();
        if (!(value instanceof Ast.Param || value instanceof Ast.LiteralSlot)) {
            throw new InvalidQueryException("Q.array takes a param(...) or a Java array or collection, not " + value);
        }
        String parameter = value instanceof Ast.Param p ? p.name() : null;
        int literal = value instanceof Ast.LiteralSlot s ? s.index() : -1;
        return new Slot(parameter, literal, ColumnKind.ARRAY, dialect.arrayBinder(array.elementType()), LikeMode.PATTERN, false,
                array.elementType(), "an array of " + array.elementType() + " in a query of " + scope.root.describedAs, null,
                dev.modelrepo.types.ValueCoercion.standard());
    }

    private String describe(@Nullable ColumnMetadata type) {
        return type == null ? "an untyped position in a query of " + scope.root.describedAs
                : "column " + scope.root.describedAs + "." + type.name();
    }

    /** The converter of the column compared with the value being rendered, if that column has one. */
    private dev.modelrepo.model.internal.@Nullable ColumnConversion converted;

    private dev.modelrepo.model.internal.@Nullable ColumnConversion converterOf(Expr expression) {
        if (expression instanceof Ast.ColumnRef ref && selectName(ref) == null) {
            Scope.Resolved r = scope.resolve(ref);
            return r.source().model == null ? null
                    : r.source().model.converters().get(r.column().name());
        }
        return null;
    }

    /** The column metadata of an expression when it is a table column (through aliases), else null. */
    @Nullable ColumnMetadata typeOf(Expr expression) {
        if (expression instanceof Ast.ColumnRef ref) {
            if (selectName(ref) != null) {
                return null;
            }
            return scope.resolve(ref).column().metadata();
        }
        if (expression instanceof Ast.Aliased a) {
            return typeOf(a.expression());
        }
        if (expression instanceof Ast.Aggregate a && a.argument() != null
                && (a.function().equals("MIN") || a.function().equals("MAX"))) {
            return typeOf(a.argument());
        }
        return null;
    }
}

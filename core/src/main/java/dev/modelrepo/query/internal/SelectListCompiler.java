package dev.modelrepo.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.Relation;
import dev.modelrepo.model.internal.RowLayout;
import dev.modelrepo.query.internal.Ast.Expr;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ColumnReader;

/** The select list of a {@link QueryCompiler} statement and the row plan that reads it back. */
final class SelectListCompiler {

    private final Dialect dialect;

    private final QueryCompiler compiler;

    private final FromClauseCompiler fromClause;

    SelectListCompiler(Dialect dialect, QueryCompiler compiler, FromClauseCompiler fromClause) {
        this.dialect = dialect;
        this.compiler = compiler;
        this.fromClause = fromClause;
    }

    RowPlan selectList(QuerySpec spec, Scope scope, SqlWriter out, boolean top) {
        List<String> names = new ArrayList<>();
        List<ColumnReader> readers = new ArrayList<>();
        List<RowPlan.RelatedPlan> related = new ArrayList<>();
        int own;
        if (spec.select().isEmpty()) {
            for (Source.Column c : scope.root.columns.values()) {
                out.append(names.isEmpty() ? "" : ", ").append(fromClause.qualified(scope.root, c.sqlName()));
                names.add(c.name());
                readers.add(reader(scope.root, c));
            }
            own = names.size();
            for (Scope.Joined j : scope.joins) {
                if (j.link()) {
                    continue;   // the join model of a relation through it: its columns are not the target's
                }
                int from = names.size();
                for (Source.Column c : j.source().columns.values()) {
                    String label = j.source().alias + "." + c.name();
                    out.append(", ").append(fromClause.qualified(j.source(), c.sqlName())).append(" AS ").append(dialect.quote(label));
                    names.add(label);
                    readers.add(reader(j.source(), c));
                }
                if (j.relation() != null) {
                    related.add(relatedPlan(j, from));
                }
            }
        }
        else {
            ExpressionRenderer r = compiler.renderer(scope, out);
            own = -1;
            for (int i = 0; i < spec.select().size(); i++) {
                Expr e = spec.select().get(i);
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
        RowLayout layout = new RowLayout(model.name(), model.metadata(), names, own);
        return RowPlan.of(top ? model : null, layout, readers.toArray(ColumnReader[]::new), related);
    }

    /**
     * The plan of a joined relation whose columns start at {@code from}: identified by the target's key columns (by all
     * its columns when it has no key), null-checked on its first key column (or the child's foreign key).
     */
    private static RowPlan.RelatedPlan relatedPlan(Scope.Joined j, int from) {
        ModelInfo target = j.source().model;
        List<ColumnMetadata> columns = target.metadata().columns();
        List<ColumnMetadata> pk = target.metadata().primaryKey();
        int[] key = pk.isEmpty() ? java.util.stream.IntStream.range(from, from + columns.size()).toArray()
                : pk.stream().mapToInt(c -> from + columns.indexOf(c)).toArray();
        int nullCheck = pk.isEmpty() ? from + columns.indexOf(target.metadata().column(j.keys().columns().get(0))) : key[0];
        return new RowPlan.RelatedPlan(j.relation().name(), j.parentRelation(), target, target.fullLayout(), from, nullCheck,
                j.relation().many(), key, j.relation().kind() == Relation.Kind.HAS_ONE);
    }

    private String outputName(Expr e, Scope scope) {
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

    private ColumnReader readerOf(Expr e, ExpressionRenderer r) {
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
        return source.model == null ? plain : source.model.converters().reader(column.name(), plain);
    }

    private ColumnReader reader(@Nullable ColumnMetadata column) {
        return column != null ? column.reader() : (rs, i) -> rs.getObject(i);
    }
}

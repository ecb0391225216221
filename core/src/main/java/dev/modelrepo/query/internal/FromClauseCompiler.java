package dev.modelrepo.query.internal;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.JoinKind;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.model.UnknownRelationException;
import dev.modelrepo.model.internal.KeyColumns;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.Relation;
import dev.modelrepo.model.internal.RegistryAccess;
import dev.modelrepo.query.internal.Ast.Expr;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.schema.TableMetadata;
import dev.modelrepo.query.error.InvalidQueryException;

/** The scope of a {@link QueryCompiler} statement (its root, joined and derived sources) and its FROM clause with the joins. */
final class FromClauseCompiler {

    private static final RegistryAccess<ModelRegistry> REGISTRY = RegistryAccess.get(ModelRegistry.class);

    private final ModelRegistry registry;

    private final Dialect dialect;

    private final QueryCompiler compiler;

    FromClauseCompiler(ModelRegistry registry, QueryCompiler compiler) {
        this.registry = registry;
        this.dialect = registry.dialect();
        this.compiler = compiler;
    }

    Scope scope(QuerySpec spec, @Nullable Scope parent) {
        ModelInfo model = REGISTRY.info(registry, spec.model());
        // a raw subquery (fromSql) reads like the table: it returns the model's columns
        Source root = spec.from() == null ? Source.ofTable(spec.alias(), model) : derived(spec, model, parent);
        Scope scope = new Scope(parent, root);
        for (Ast.JoinSpec join : spec.joins()) {
            joined(join, scope).forEach(scope::add);
        }
        for (Expr e : spec.select()) {
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
        Scope subScope = scope(sub, parent);
        RowPlan plan = compiler.selectList(sub, subScope, new SqlWriter(), true);
        for (int i = 0; i < plan.layout().size(); i++) {
            String name = plan.layout().name(i);
            Source.Column inner = subScope.root.column(name);
            boolean own = inner != null && i < plan.layout().ownColumns();
            source.columns.put(name, new Source.Column(name, own ? inner.sqlName() : name, own ? inner.metadata() : null));
        }
        return source;
    }

    private List<Scope.Joined> joined(Ast.JoinSpec join, Scope scope) {
        String alias = join.effectiveAlias();
        if (join.relation() == null) {
            String joined = join.model() != null ? join.model().getSimpleName() : "table " + join.table();
            if (join.on() == null && join.type() != JoinKind.CROSS) {
                throw new InvalidQueryException("The join of " + joined + " as '" + alias
                        + "' needs a condition: .on(eq(\"" + alias + ".…\", col(\"…\")))");
            }
            Source source = join.model() != null ? Source.ofTable(alias, REGISTRY.info(registry, join.model()))
                    : Source.ofPlainTable(alias, registry.tableMetadata(join.table().name(), join.table().schema(),
                            scope.root.describedAs + " (its join as '" + alias + "')"));
            return List.of(Scope.Joined.plain(join, source, scope.root.alias));
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
        Source target = Source.ofTable(alias, REGISTRY.info(registry, relation.target()));
        if (!relation.isThrough()) {
            return List.of(new Scope.Joined(join, target, relation, relation, join.through(), owner.alias, false));
        }
        // owner → join model by the owner's relation, then join model → target by the join model's source relation
        Relation via = ownerModel.relation(relation.through());
        ModelInfo joinModel = REGISTRY.info(registry, via.target());
        String linkAlias = alias + "_" + via.name();
        Ast.JoinSpec link = new Ast.JoinSpec(join.type(), via.name(), null, null, null, linkAlias, null);
        return List.of(new Scope.Joined(link, Source.ofTable(linkAlias, joinModel), null, via, null, owner.alias, true),
                new Scope.Joined(join, target, relation, joinModel.relation(relation.source()), join.through(), linkAlias, false));
    }

    void from(QuerySpec spec, Scope scope, SqlWriter out) {
        out.append(" FROM ");
        if (spec.from() != null) {
            out.append('(');
            compiler.select(spec.from(), scope.parent, out, Purpose.LIST, false);
            out.append(") ");
        }
        else if (spec.fromSql() != null) {
            out.append('(');
            compiler.renderer(scope, out).expression(spec.fromSql(), null);
            out.append(") ");
        }
        else {
            out.append(table(scope.root.model)).append(' ');
        }
        out.append(dialect.quote(scope.root.alias));
        for (Scope.Joined j : scope.joins) {
            out.append(dialect.joins().render(j.join().type())).append(table(j.source().table)).append(' ')
                    .append(dialect.quote(j.source().alias));
            if (j.join().type() == JoinKind.CROSS) {
                continue;
            }
            out.append(" ON ");
            if (j.keys() == null) {
                compiler.renderer(scope, out).condition(j.join().on());
            }
            else {
                relationCondition(j, scope, out);
                if (j.join().on() != null) {
                    out.append(" AND ");
                    compiler.renderer(scope, out).condition(j.join().on());
                }
            }
        }
    }

    /**
     * {@code target.pk = owner.fk} (belongs-to) or {@code target.fk = owner.pk} (has-many, has-one), AND-ed per column of a
     * composite key.
     */
    private void relationCondition(Scope.Joined j, Scope scope, SqlWriter out) {
        Relation relation = j.keys();
        Source owner = scope.sources.get(j.owner());
        Source target = j.source();
        boolean belongsTo = relation.kind() == Relation.Kind.BELONGS_TO;
        List<ColumnMetadata> pk = KeyColumns.referenced(relation, belongsTo ? target.model : owner.model);
        for (int i = 0; i < pk.size(); i++) {
            String key = pk.get(i).storedName();
            String foreign = relation.columns().get(i);
            out.append(i == 0 ? "" : " AND ");
            if (belongsTo) {
                out.append(qualified(target, key)).append(" = ").append(qualified(owner, checked(owner, foreign)));
            }
            else {
                out.append(qualified(target, checked(target, foreign))).append(" = ").append(qualified(owner, key));
            }
        }
    }

    private static String checked(Source source, String column) {
        Source.Column c = source.column(column);
        if (c == null) {
            throw UnknownColumnException.of(source.describedAs, column, source.columnNames());
        }
        return c.sqlName();
    }

    String qualified(Source source, String sqlName) {
        return dialect.quote(source.alias) + "." + dialect.quote(sqlName);
    }

    String table(@Nullable ModelInfo model) {
        return table(model.metadata());
    }

    /** The quoted (schema-qualified) name of a table. */
    String table(@Nullable TableMetadata t) {
        return t.storedSchema() == null ? dialect.quote(t.storedName()) : dialect.quote(t.storedSchema()) + "." + dialect.quote(t.storedName());
    }
}

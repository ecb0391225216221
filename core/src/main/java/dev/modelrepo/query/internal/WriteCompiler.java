package dev.modelrepo.query.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.Dialect;
import dev.modelrepo.dialect.KeySubquery;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.model.internal.ModelInfo;
import dev.modelrepo.model.internal.RegistryAccess;
import dev.modelrepo.schema.ColumnMetadata;
import dev.modelrepo.query.error.InvalidQueryException;

/** The {@code UPDATE … WHERE} and {@code DELETE … WHERE} statements {@link QueryCompiler#compileWrite} compiles from a query. */
final class WriteCompiler {

    private static final RegistryAccess<ModelRegistry> REGISTRY = RegistryAccess.get(ModelRegistry.class);

    private final ModelRegistry registry;

    private final Dialect dialect;

    private final QueryCompiler compiler;

    private final FromClauseCompiler from;

    WriteCompiler(ModelRegistry registry, QueryCompiler compiler, FromClauseCompiler from) {
        this.registry = registry;
        this.dialect = registry.dialect();
        this.compiler = compiler;
        this.from = from;
    }

    /**
     * {@code UPDATE t SET … WHERE …} (when {@code set} is not null) or {@code DELETE FROM t WHERE …} for the rows
     * the query selects. Values of {@code set} columns are bound from parameters named {@link QueryCompiler#SET_PARAMETER} + column.
     */
    CompiledQuery compile(QuerySpec spec, @Nullable List<ColumnMetadata> set) {
        if (spec.from() != null || spec.fromSql() != null || !spec.unions().isEmpty()) {
            throw new InvalidQueryException("updateWhere/deleteWhere need a query over a table, not a subquery or union");
        }
        ModelInfo model = REGISTRY.info(registry, spec.model());
        if (model.metadata().isView()) {
            throw new InvalidQueryException(model.name() + " reads the view " + model.metadata().name() + ", which is read-only: cannot "
                    + (set == null ? "deleteWhere" : "updateWhere"));
        }
        SqlWriter out = new SqlWriter();
        String table = from.table(model);
        out.append(set == null ? "DELETE FROM " + table : "UPDATE " + table + " SET ");
        if (set != null) {
            for (int i = 0; i < set.size(); i++) {
                ColumnMetadata column = set.get(i);
                out.append(i == 0 ? "" : ", ").append(dialect.quote(column.storedName())).append(" = ");
                out.bind(new Slot(QueryCompiler.SET_PARAMETER + column.name(), -1, column.kind(), column.binder(), Ast.LikeMode.PATTERN, false, null,
                        "column " + model.name() + "." + column.name(), model.converters().get(column.name()), column.coercion()));
            }
        }
        boolean simple = spec.joins().isEmpty() && spec.groupBy().isEmpty() && spec.having() == null && spec.limit() == null
                && spec.offset() == null && !spec.distinct();
        if (simple) {
            if (spec.where() != null) {
                Source root = Source.ofTable(spec.alias(), model);
                root.qualifier = table;
                out.append(" WHERE ");
                compiler.renderer(new Scope(null, root), out).condition(spec.where());
            }
        }
        else {
            var pk = model.metadata().primaryKey();
            if (pk.isEmpty()) {
                throw new InvalidQueryException(model.name() + " has no primary key, which a write by a query with joins or paging needs"
                        + " to keep its rows");
            }
            List<String> key = pk.stream().map(c -> dialect.quote(c.storedName())).toList();
            KeySubquery keys = dialect.keySubquery();
            out.append(" WHERE ").append(KeySubquery.row(key)).append(keys.open(key));
            List<Ast.Expr> select = pk.stream().<Ast.Expr>map(c -> new Ast.ColumnRef(spec.alias(), c.name())).toList();
            compiler.select(spec.withSelect(select).withIncludes(List.of()), null, out, Purpose.LIST, false);
            out.append(keys.close());
        }
        return new CompiledQuery(out.finish(), out.slots, null, model.name(), model.metadata().name(), dialect.likeEscaper());
    }
}

package dev.modelrepo.query.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.dialect.JoinKind;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.query.internal.Ast.Cond;
import dev.modelrepo.schema.ColumnMetadata;

/**
 * The rows of a query that are models. After a RIGHT or FULL join a row may have no root row: every root column is
 * NULL. Reads of models keep only the rows with a root, {@code WHERE <root present>} added before grouping and paging,
 * so that list, first, count, exists, streams and pages agree; the rows of {@code rows(...)} are left as SQL gives them.
 * A root is present where a primary-key column is not NULL (a key column never is in a stored row) or, for a table
 * without a primary key, where any of its columns is not NULL.
 */
final class RootRows {

    private RootRows() {
    }

    /** Whether a row of this query (its own joins, not those of its unions' members) can come without a root row. */
    static boolean mayLackRoot(QuerySpec spec) {
        for (Ast.JoinSpec join : spec.joins()) {
            if (join.type() == JoinKind.RIGHT || join.type() == JoinKind.FULL) {
                return true;
            }
        }
        return false;
    }

    /** The query (and every member of its unions) restricted to the rows that have a root row; unchanged without RIGHT or FULL joins. */
    static QuerySpec only(QuerySpec spec, ModelRegistry registry) {
        QuerySpec own = mayLackRoot(spec) ? spec.withWhere(and(spec.where(), present(spec, registry))) : spec;
        if (spec.unions().isEmpty()) {
            return own;
        }
        List<QuerySpec.Union> members = new ArrayList<>(spec.unions().size());
        for (QuerySpec.Union union : spec.unions()) {
            members.add(new QuerySpec.Union(only(union.member(), registry), union.all()));
        }
        return own.withUnions(members);
    }

    /** {@code root.k IS NOT NULL} for each key column (all columns without a key), joined by OR. */
    private static Cond present(QuerySpec spec, ModelRegistry registry) {
        var table = registry.table(spec.model());
        List<ColumnMetadata> identifying = table.primaryKey().isEmpty() ? table.columns() : table.primaryKey();
        List<Cond> parts = new ArrayList<>(identifying.size());
        for (ColumnMetadata column : identifying) {
            parts.add(new Ast.IsNull(new Ast.ColumnRef(spec.alias(), column.name()), true));
        }
        return parts.size() == 1 ? parts.get(0) : new Ast.Junction(false, parts);
    }

    /** Both conditions; a raw condition is parenthesised so that an OR inside it keeps its meaning. */
    private static Cond and(@Nullable Cond where, Cond presence) {
        if (where == null) {
            return presence;
        }
        Cond own = where instanceof Ast.Raw raw ? new Ast.Raw("(" + raw.sql() + ")", raw.arguments()) : where;
        return new Ast.Junction(true, List.of(own, presence));
    }
}

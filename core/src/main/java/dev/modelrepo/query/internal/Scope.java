package dev.modelrepo.query.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.model.UnknownRelationException;
import dev.modelrepo.model.internal.Relation;
import dev.modelrepo.query.internal.Ast.ColumnRef;

/** The aliases visible while rendering one SELECT (and, for correlated subqueries, its enclosing ones). */
final class Scope {

    /** A joined source with the join that brought it and, for relation joins, the relation. */
    record Joined(Ast.JoinSpec join, Source source, @Nullable Relation relation, @Nullable String parentRelation,
            String owner) {
    }

    final @Nullable Scope parent;

    final Source root;

    final Map<String, Source> sources = new LinkedHashMap<>();

    final List<Joined> joins = new ArrayList<>();

    /** Output names of the select list ({@code count().as("n")}), usable in ORDER BY and HAVING. */
    final Map<String, String> selectAliases = new LinkedHashMap<>();

    Scope(@Nullable Scope parent, Source root) {
        this.parent = parent;
        this.root = root;
        sources.put(root.alias, root);
    }

    void add(Joined joined) {
        if (sources.containsKey(joined.source().alias)) {
            throw new UnknownRelationException("Alias '" + joined.source().alias + "' is used twice in a query of "
                    + root.describedAs + "; give the join another alias with .as(...)");
        }
        sources.put(joined.source().alias, joined.source());
        joins.add(joined);
    }

    /** The source and column a reference names, looking through enclosing scopes for correlated subqueries. */
    Resolved resolve(ColumnRef ref) {
        String alias = ref.alias() == null ? root.alias : ref.alias();
        for (Scope s = this; s != null; s = s.parent) {
            Source source = s.sources.get(alias);
            if (source != null) {
                Source.Column column = source.column(ref.column());
                if (column == null && ref.alias() != null) {
                    // a joined column of a union or subquery source is exposed as "alias.column"
                    column = source.column(ref.alias() + "." + ref.column());
                }
                if (column == null) {
                    throw UnknownColumnException.of(source.describedAs + " (alias " + source.alias + ")", ref.column(),
                            source.columnNames());
                }
                return new Resolved(source, column);
            }
        }
        if (ref.alias() != null) {
            Source.Column column = root.column(ref.alias() + "." + ref.column());
            if (column != null) {
                return new Resolved(root, column);
            }
        }
        throw new UnknownColumnException("Unknown alias '" + alias + "' in " + ref + " (query of " + root.describedAs
                + "); known aliases: " + allAliases());
    }

    private List<String> allAliases() {
        List<String> aliases = new ArrayList<>();
        for (Scope s = this; s != null; s = s.parent) {
            aliases.addAll(s.sources.keySet());
        }
        return aliases;
    }

    /** A resolved column reference. */
    record Resolved(Source source, Source.Column column) {
    }
}

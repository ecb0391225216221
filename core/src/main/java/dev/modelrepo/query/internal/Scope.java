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

    /**
     * A joined source with the join that brought it. For a relation join, {@code relation} is the relation as the owner
     * model declares it (what the row plan fills) and {@code keys} the relation whose key columns the ON condition pairs
     * between this source and the source {@code owner}: the same relation, except for a has-many through a join model,
     * which is two joins: the join model's ({@code link}: rendered, neither selected nor filled; its {@code relation} is
     * null), then the target's by the join model's source relation.
     */
    record Joined(Ast.JoinSpec join, Source source, @Nullable Relation relation, @Nullable Relation keys, @Nullable String parentRelation,
            String owner, boolean link) {

        /** A join by model or table, with its own condition. */
        static Joined plain(Ast.JoinSpec join, Source source, String owner) {
            return new Joined(join, source, null, null, null, owner, false);
        }

        /** Whether the join fills a relation whose rows are many per owner: the rows of one root then merge. */
        boolean many() {
            return relation != null && relation.many();
        }
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

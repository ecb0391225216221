package dev.modelrepo.internal.write;

import java.util.List;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.internal.Relation;
import dev.modelrepo.query.Condition;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.Q;
import dev.modelrepo.schema.ColumnMetadata;

/** How a set-based cascade selects the children of a set of parents by the relation's foreign key, one column or several. */
final class CascadeKeys {

    private CascadeKeys() {
    }

    /**
     * The children (aliased {@code alias}) of the rows {@code parents} selects: {@code fk IN (SELECT pk …)} for a
     * single-column key, {@code EXISTS (SELECT … WHERE p.a = c.a AND p.b = c.b)} for a composite one.
     *
     * @param key the parents' key columns the relation's columns pair with
     */
    static Condition ofParents(List<ColumnMetadata> key, Relation relation, String alias, ModelQuery<? extends Model> parents) {
        String parent = parents.alias() + ".";
        if (key.size() == 1) {
            return Q.in(alias + "." + relation.column(), parents.select(parent + key.get(0).name()));
        }
        Condition[] match = new Condition[key.size()];
        for (int i = 0; i < match.length; i++) {
            match[i] = Q.eq(parent + key.get(i).name(), Q.col(alias + "." + relation.columns().get(i)));
        }
        return Q.exists(parents.select(parent + key.get(0).name()).where(Q.and(match)));
    }
}

package dev.modelrepo.model;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A relation read ({@code related}, {@code relatedList} or a {@code get("relation.column")} path) that the query which
 * loaded the model neither joined nor included. modelrepo loads nothing lazily, so a relation not loaded is not
 * the same as an empty one: the message names the model, the relation and how to load it.
 */
public class RelationNotLoadedException extends InvalidDataAccessApiUsageException {

    private final String model;

    private final String relation;

    public RelationNotLoadedException(String model, String relation, String message) {
        super(message);
        this.model = model;
        this.relation = relation;
    }

    /** "Film.relatedList("actors") was not loaded: …include("actors") or join(inner("actors"))…". */
    static RelationNotLoadedException of(String model, String relation, String read) {
        return new RelationNotLoadedException(model, relation, model + "." + read + " reads the relation '" + relation
                + "', which the query that loaded this " + model + " did not load: add include(\"" + relation + "\") or join(inner(\""
                + relation + "\")) (left(\"" + relation + "\") to keep rows without one) to that query; modelrepo never loads a relation"
                + " lazily");
    }

    /** The model whose relation was read. */
    public String model() {
        return model;
    }

    /** The relation name as declared. */
    public String relation() {
        return relation;
    }
}

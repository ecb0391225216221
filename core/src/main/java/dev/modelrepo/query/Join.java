package dev.modelrepo.query;

import dev.modelrepo.query.internal.Ast;

/**
 * A join: by relation name ({@code inner("department")}, filling {@code related(...)}) or by model and
 * condition ({@code inner(Department.class, "d").on(eq("d.id", col("e.department_id")))}).
 */
public interface Join {

    /** The join condition of an explicit join. */
    default Join on(Condition condition) {
        return ((Ast.JoinSpec) this).withOn(condition);
    }

    /** Joins a relation of an already joined relation: {@code inner("company").through("department")}. */
    default Join through(String relation) {
        return ((Ast.JoinSpec) this).withThrough(relation);
    }

    /** The alias of the joined table (the relation name by default). */
    default Join as(String alias) {
        return ((Ast.JoinSpec) this).withAlias(alias);
    }
}

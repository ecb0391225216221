package dev.modelrepo.query;

/**
 * A join: by relation name ({@code inner("department")}, filling {@code related(...)}), by model and
 * condition ({@code inner(Department.class, "d").on(eq("d.id", col("e.department_id")))}) or by the name of a table no
 * model maps ({@code left(table("badges"), "b").on(...)}); INNER, LEFT, RIGHT, FULL, or CROSS (by model or table, with
 * no condition). A kind the database lacks (FULL on MySQL, MariaDB and H2) is refused before any SQL. Built with
 * {@link Q}, never implemented by an application (sealed).
 */
public sealed interface Join permits JoinNode {

    /** The join condition of an explicit join. */
    Join on(Condition condition);

    /** Joins a relation of an already joined relation: {@code inner("company").through("department")}. */
    Join through(String relation);

    /** The alias of the joined table (the relation name by default). */
    Join as(String alias);
}

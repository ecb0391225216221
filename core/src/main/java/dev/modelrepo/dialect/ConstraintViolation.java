package dev.modelrepo.dialect;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the database said about a constraint a statement broke, read from its error (never its text as a whole):
 * the kind of constraint, its name, the table and the columns, each where the database gives it. Read one from any
 * Spring {@code DataIntegrityViolationException} with {@link Dialect#constraintViolation(Throwable)}.
 *
 * @param type the kind of constraint
 * @param constraint the constraint's (or unique index's) name as the database reports it, when it does
 * @param table the table whose constraint it is, when the database says
 * @param columns the constrained columns in lower case, when the database says (empty otherwise)
 */
public record ConstraintViolation(Type type, @Nullable String constraint, @Nullable String table, List<String> columns) {

    /** The kinds of constraint. */
    public enum Type {
        /** A unique constraint, unique index or primary key. */
        UNIQUE,
        /** A foreign key: the referenced row is missing, or a row still refers to the one deleted. */
        FOREIGN_KEY,
        /** A NOT NULL column was given no value. */
        NOT_NULL,
        /** A CHECK constraint. */
        CHECK,
        /** Another constraint, or one the error does not say. */
        OTHER
    }

    public ConstraintViolation {
        columns = List.copyOf(columns);
    }
}

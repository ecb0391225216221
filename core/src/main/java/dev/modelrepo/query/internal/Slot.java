package dev.modelrepo.query.internal;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.query.internal.Ast.LikeMode;
import dev.modelrepo.types.ColumnKind;
import dev.modelrepo.types.ValueBinder;
import dev.modelrepo.types.ValueCoercion;

/**
 * One bind position of a compiled query: where its value comes from (a named parameter or the n-th literal),
 * the kind it is converted to and the binder that sends it, and whether it is a list for IN.
 *
 * @param parameter the parameter name, or null for a literal
 * @param literal the literal's index in the query's literal values (when {@code parameter} is null)
 * @param kind the kind values are converted to (OTHER: passed as given)
 * @param binder how a converted value is bound
 * @param like how a LIKE value is escaped and wrapped
 * @param list IN-list: a collection bound as an array or expanded
 * @param arrayType the SQL element type for an array bind, when {@code list} and the dialect uses arrays
 * @param target what the value is compared with, for error messages ("column employees.salary")
 * @param converter the compared column's converter: domain values are deflated before they are bound
 * @param coercion how a given value is converted to {@code kind} (the compared column's registry's)
 */
public record Slot(@Nullable String parameter, int literal, ColumnKind kind, ValueBinder binder, LikeMode like,
        boolean list, @Nullable String arrayType, String target,
        dev.modelrepo.model.internal.@Nullable ColumnConversion converter, ValueCoercion coercion) {

    /** "parameter 'x'" or "literal #n", for messages. */
    public String describe() {
        return (parameter != null ? "parameter '" + parameter + "'" : "value #" + (literal + 1)) + " for " + target;
    }
}

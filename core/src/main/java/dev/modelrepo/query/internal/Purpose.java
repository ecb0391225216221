package dev.modelrepo.query.internal;

/** What a query is compiled for: the same spec renders differently for a list, a count or an existence check. */
public enum Purpose {
    /** Models with the query's own limit: after a RIGHT or FULL join, only the rows that have a root row. */
    LIST,
    /** Maps of every row the query's SQL gives, with or without a root row ({@code rows(...)}). */
    ROWS,
    /** At most one row: the query's limit, or LIMIT 1. */
    FIRST,
    /** COUNT of the models the query returns without limit, offset and order. */
    COUNT,
    /** Whether any row matches. */
    EXISTS
}

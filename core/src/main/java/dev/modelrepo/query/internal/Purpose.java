package dev.modelrepo.query.internal;

/** What a query is compiled for: the same spec renders differently for a list, a count or an existence check. */
public enum Purpose {
    /** Models (or rows) with the query's own limit. */
    LIST,
    /** At most one row: the query's limit, or LIMIT 1. */
    FIRST,
    /** COUNT of the rows the query returns without limit, offset and order. */
    COUNT,
    /** Whether any row matches. */
    EXISTS
}

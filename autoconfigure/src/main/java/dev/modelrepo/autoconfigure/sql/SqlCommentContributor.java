package dev.modelrepo.autoconfigure.sql;

import java.util.Map;

/**
 * Adds tags to the comment of the statement about to run, on the thread that runs it: declare a bean of this type to
 * add your own (a tenant, a route) next to the application, controller, action and traceparent of
 * {@code modelrepo.sql.comments=true}. Keys and values must be of low cardinality, except the trace.
 */
@FunctionalInterface
public interface SqlCommentContributor {

    /** Puts this contributor's tags for the current statement into {@code tags}; nothing when it has none now. */
    void contribute(Map<String, String> tags);
}

/**
 * The exceptions of the query DSL (invalid queries and identifiers, missing or mistyped parameters), below both the
 * DSL and its compiler, which throw them. All are Spring {@code InvalidDataAccessApiUsageException}s.
 */
@NullMarked
package dev.modelrepo.query.error;

import org.jspecify.annotations.NullMarked;

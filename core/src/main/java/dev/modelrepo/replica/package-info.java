/**
 * Read replicas over Spring's {@link org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy}: read-only
 * transactions and modelrepo's reads outside a transaction go to a replica while it is up, not lagging and has the
 * caller's own commits ({@link dev.modelrepo.replica.ReadYourWrites}); everything else goes to the primary.
 */
@NullMarked
package dev.modelrepo.replica;

import org.jspecify.annotations.NullMarked;

/**
 * Auto-configuration of a read replica ({@code modelrepo.replica.*} or a {@link dev.modelrepo.autoconfigure.replica.ReplicaDataSource}
 * bean): the application's DataSource becomes a {@link dev.modelrepo.replica.ReplicaRouting} over it and the replica,
 * with meters of where reads went.
 */
@NullMarked
package dev.modelrepo.autoconfigure.replica;

import org.jspecify.annotations.NullMarked;

/**
 * Bulk writes: {@link dev.modelrepo.bulk.BulkOperations} with its {@link dev.modelrepo.bulk.BulkOptions}. The
 * {@code *All} methods run validation, hooks and listeners like {@code save}/{@code destroy}; the {@code *Bulk}
 * methods are the fast path that takes each database's quickest route and runs neither.
 */
@NullMarked
package dev.modelrepo.bulk;

import org.jspecify.annotations.NullMarked;

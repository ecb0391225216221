/** Spring-managed transactions with savepoint nesting, and model state that follows rollbacks. */
@NullMarked
package dev.modelrepo.tx;

import org.jspecify.annotations.NullMarked;

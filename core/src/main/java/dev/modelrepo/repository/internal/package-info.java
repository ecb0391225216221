/** Statement execution internals of the repository. Not for users. */
@NullMarked
package dev.modelrepo.repository.internal;

import org.jspecify.annotations.NullMarked;

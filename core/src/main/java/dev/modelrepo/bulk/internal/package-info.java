/** How bulk writes are chunked, bound, executed and diagnosed. Not for users. */
@NullMarked
package dev.modelrepo.bulk.internal;

import org.jspecify.annotations.NullMarked;

/** Small internals shared by every package (argument checks). Not for users. */
@NullMarked
package dev.modelrepo.internal;

import org.jspecify.annotations.NullMarked;

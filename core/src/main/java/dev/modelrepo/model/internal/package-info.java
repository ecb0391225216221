/** Internals of the model layer: metadata reading and row layouts. Not for users. */
@NullMarked
package dev.modelrepo.model.internal;

import org.jspecify.annotations.NullMarked;

/**
 * Internals of the model layer that the layers above share: model infos, relations, row layouts, column
 * conversions and the accessors into models and registries. Below {@code dev.modelrepo.model}: it names none of
 * its types. Not for users.
 */
@NullMarked
package dev.modelrepo.model.internal;

import org.jspecify.annotations.NullMarked;

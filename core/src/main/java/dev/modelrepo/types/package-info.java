/** Portable column types: how values are converted, bound and read the same way on every engine. */
@NullMarked
package dev.modelrepo.types;

import org.jspecify.annotations.NullMarked;

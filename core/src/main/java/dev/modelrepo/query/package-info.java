/** The immutable SQL query DSL: {@link dev.modelrepo.query.Q} factories and {@link dev.modelrepo.query.ModelQuery}. */
@NullMarked
package dev.modelrepo.query;

import org.jspecify.annotations.NullMarked;

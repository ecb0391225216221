/** The query AST, its compiler to SQL templates, and the bind plan. Not for users. */
@NullMarked
package dev.modelrepo.query.internal;

import org.jspecify.annotations.NullMarked;

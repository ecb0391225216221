/**
 * The query AST, its compiler to SQL templates, the bind plan, the cache of compiled queries and the accessor through
 * which the layers above reach a query. Not for users.
 */
@NullMarked
package dev.modelrepo.query.internal;

import org.jspecify.annotations.NullMarked;

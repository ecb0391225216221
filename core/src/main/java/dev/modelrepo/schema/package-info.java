/**
 * What the database says about its tables: table and column metadata as read from {@link java.sql.DatabaseMetaData}
 * (names, declared types, keys, nullability, defaults), with the column kind, reader and binder the dialect chose for
 * each column. The layer above {@code types} and below {@code dialect}.
 */
@NullMarked
package dev.modelrepo.schema;

import org.jspecify.annotations.NullMarked;

/**
 * Running bound statements on the connection of the current Spring transaction (or a pooled one), with the
 * statement timeout, the observation of each statement and the translation of {@link java.sql.SQLException}s.
 * Shared by the query, repository, bulk and lock packages; not for users.
 */
@NullMarked
package dev.modelrepo.internal.jdbc;

import org.jspecify.annotations.NullMarked;

package dev.modelrepo.model.internal;

import org.jspecify.annotations.Nullable;

/**
 * What a model class declares about its table: the name, the schema (null for the connection's current one), the
 * optimistic-locking version column (empty for none) and the timestamp columns maintained when the table has them.
 */
public record TableOptions(String name, @Nullable String schema, String version, String createdAt, String updatedAt) {
}

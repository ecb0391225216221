package dev.modelrepo.model.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a model class declares about its table: the name, the schema (null for the connection's current one), the
 * optimistic-locking version column (empty for none), the timestamp columns maintained when the table has them, and
 * the columns the database maintains that are read back after every write (lower case).
 */
public record TableOptions(String name, @Nullable String schema, String version, String createdAt, String updatedAt,
        List<String> readBack) {

    public TableOptions {
        readBack = List.copyOf(readBack);
    }

    /** Options without read-back columns. */
    public TableOptions(String name, @Nullable String schema, String version, String createdAt, String updatedAt) {
        this(name, schema, version, createdAt, updatedAt, List.of());
    }
}

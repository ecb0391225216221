package dev.modelrepo.schema;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * How a database tells that it rewrites the INSERTs into a table so that {@code INSERT … RETURNING} cannot run there
 * (PostgreSQL: a conditional {@code ON INSERT DO INSTEAD} rule, the classic rule-routed partitioning). The
 * {@link MetadataReader} asks it once per table; each dialect gives its own through
 * {@link MetadataConventions#insertRouting()}.
 */
@FunctionalInterface
public interface InsertRouting {

    /** No database rewrites INSERTs: the default. */
    InsertRouting NONE = (connection, catalog, schema, table) -> null;

    /**
     * The name of the rule that makes RETURNING impossible for INSERTs into the table, or null when there is none.
     * Runs on the metadata's own connection.
     */
    @Nullable String blockingRule(Connection connection, @Nullable String catalog, @Nullable String schema, String table)
            throws SQLException;

    /**
     * The blocking rule of every table of a schema that has one, by stored table name; null when this routing reads
     * one table at a time (the default).
     */
    default java.util.@Nullable Map<String, String> blockingRulesOfSchema(Connection connection, @Nullable String catalog,
            @Nullable String schema) throws SQLException {
        return null;
    }
}

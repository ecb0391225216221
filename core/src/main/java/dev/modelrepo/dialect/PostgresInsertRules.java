package dev.modelrepo.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.modelrepo.schema.InsertRouting;

/**
 * PostgreSQL's rewrite rules on INSERT. RETURNING needs an unconditional {@code DO INSTEAD} rule that has a RETURNING
 * clause of its own, so a conditional {@code DO INSTEAD} rule, or an unconditional one without RETURNING, makes
 * {@code INSERT … RETURNING} fail ("cannot perform INSERT RETURNING on relation"); COPY ignores rules altogether.
 */
final class PostgresInsertRules implements InsertRouting {

    static final PostgresInsertRules INSTANCE = new PostgresInsertRules();

    // ev_type '3' is INSERT; an ev_qual of '<>' is a rule without WHERE
    private static final String RULES = "SELECT c.relname, min(r.rulename) FROM pg_catalog.pg_rewrite r"
            + " JOIN pg_catalog.pg_class c ON c.oid = r.ev_class"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE r.ev_type = '3' AND r.is_instead AND c.relkind IN ('r', 'p')"
            + " AND (n.nspname = ? OR (? IS NULL AND pg_catalog.pg_table_is_visible(c.oid)))"
            + " AND (r.ev_qual::text <> '<>' OR pg_catalog.pg_get_ruledef(r.oid) NOT LIKE '%RETURNING%')";

    private static final String TABLE_SQL = RULES + " AND c.relname = ? GROUP BY c.relname";

    private static final String SCHEMA_SQL = RULES + " GROUP BY c.relname";

    private PostgresInsertRules() {
    }

    @Override
    public @Nullable String blockingRule(Connection connection, @Nullable String catalog, @Nullable String schema, String table)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(TABLE_SQL)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            ps.setString(3, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(2) : null;
            }
        }
    }

    @Override
    public Map<String, String> blockingRulesOfSchema(Connection connection, @Nullable String catalog, @Nullable String schema)
            throws SQLException {
        Map<String, String> rules = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(SCHEMA_SQL)) {
            ps.setString(1, schema);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rules.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return rules;
    }
}

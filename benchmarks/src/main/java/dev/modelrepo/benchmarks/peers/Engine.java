package dev.modelrepo.benchmarks.peers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The engines the peer benchmarks run on. H2 is a fresh in-memory database per fork. PostgreSQL is a database of
 * its own, {@value #PG_DATABASE}, on the server of {@code MODELREPO_BENCH_POSTGRESQL_URL} (default: the local
 * test server, {@value #PG_DEFAULT_ADMIN_URL}); it is created when missing, its tables are reset at the start of
 * every fork, and {@code run.sh} drops it at the end ({@code java -cp benchmarks.jar ...peers.Engine drop}).
 */
public enum Engine {

    H2, POSTGRESQL;

    public static final String PG_DATABASE = "modelrepo_bench";

    static final String PG_DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    public static Engine of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** A JDBC URL of a fresh (H2) or the shared (PostgreSQL) benchmark database; {@code extra}: H2 settings. */
    String jdbcUrl(String h2Settings) throws SQLException {
        return switch (this) {
            case H2 -> "jdbc:h2:mem:peers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + h2Settings;
            case POSTGRESQL -> {
                createPgDatabase();
                yield pgUrl(PG_DATABASE);
            }
        };
    }

    String username() {
        return this == H2 ? "sa" : null;
    }

    static String adminUrl() {
        String url = System.getenv("MODELREPO_BENCH_POSTGRESQL_URL");
        return url == null || url.isBlank() ? PG_DEFAULT_ADMIN_URL : url;
    }

    /** The admin URL with its database replaced. */
    static String pgUrl(String database) {
        String admin = adminUrl();
        int q = admin.indexOf('?');
        String base = q < 0 ? admin : admin.substring(0, q);
        String query = q < 0 ? "" : admin.substring(q);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + query;
    }

    static void createPgDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + PG_DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + PG_DATABASE);
        }
    }

    static void dropPgDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
        }
    }

    /** {@code drop}: drops the PostgreSQL benchmark database (run.sh calls it after a run). */
    public static void main(String[] args) throws SQLException {
        if (args.length == 1 && args[0].equals("drop")) {
            dropPgDatabase();
            System.err.println("dropped PostgreSQL database " + PG_DATABASE + " (if it existed) on " + adminUrl());
            return;
        }
        System.err.println("usage: Engine drop");
        System.exit(2);
    }
}

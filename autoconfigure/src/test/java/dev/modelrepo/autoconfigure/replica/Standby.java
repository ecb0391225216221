package dev.modelrepo.autoconfigure.replica;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL primary (127.0.0.1:5432, or {@code MODELREPO_POSTGRESQL_URL}) and its hot standby (127.0.0.1:5433, or
 * {@code MODELREPO_STANDBY_URL}; start it with {@code .ci/standby.sh}), looked for once per JVM. Like the engine tests of
 * core, a missing one skips the tests with the reason printed, and fails them under {@code CI=true}.
 */
final class Standby {

    static final String PRIMARY_URL = env("MODELREPO_POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:5432/test");

    static final String STANDBY_URL = env("MODELREPO_STANDBY_URL", "jdbc:postgresql://127.0.0.1:5433/test");

    private static String missing;

    private static boolean probed;

    private Standby() {
    }

    /** Whether both servers answered (without skipping or failing). */
    static synchronized boolean available() {
        return probed && missing == null;
    }

    /** Skips (or, under CI=true, fails) the calling test when the primary or the standby is not there. */
    static synchronized void require() {
        if (!probed) {
            probed = true;
            missing = probe();
            System.out.println("[modelrepo-test] PostgreSQL standby: " + (missing == null ? "using " + STANDBY_URL
                    : "not available (" + missing + "), tests will " + ("true".equals(System.getenv("CI")) ? "FAIL (CI=true)" : "be skipped")));
        }
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the PostgreSQL standby but it is not available: " + missing);
            }
            Assumptions.abort("The PostgreSQL standby is not available (start it with .ci/standby.sh): " + missing);
        }
    }

    private static String probe() {
        try (Connection primary = connect(PRIMARY_URL); Connection standby = connect(STANDBY_URL)) {
            if (queryBoolean(primary, "SELECT pg_is_in_recovery()")) {
                return PRIMARY_URL + " is in recovery, not a primary";
            }
            if (!queryBoolean(standby, "SELECT pg_is_in_recovery()")) {
                return STANDBY_URL + " is not in recovery, not a standby";
            }
            return null;
        }
        catch (SQLException ex) {
            return ex.getClass().getSimpleName() + ": " + ex.getMessage();
        }
    }

    static Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "2");
        return DriverManager.getConnection(url, properties);
    }

    static boolean queryBoolean(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}

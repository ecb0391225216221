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

    private static final java.nio.file.Path SCRIPT = java.nio.file.Path.of("..", ".ci", "standby.sh").toAbsolutePath().normalize();

    /**
     * Skips (or, under CI=true, fails) the calling test when this JVM cannot stop and start the local standby: it must
     * run as root next to {@code .ci/standby.sh} (which starts it again) with the standby on the default port.
     */
    static void requireControl() {
        require();
        String why = !"root".equals(System.getProperty("user.name")) ? "the tests do not run as root"
                : !java.nio.file.Files.isExecutable(SCRIPT) ? SCRIPT + " is missing"
                : System.getenv("MODELREPO_STANDBY_URL") != null ? "the standby is not the local cluster" : null;
        if (why != null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires control of the local standby: " + why);
            }
            Assumptions.abort("Cannot stop and start the local standby: " + why);
        }
    }

    /** Stops the local standby cluster (fast shutdown: its connections are cut). */
    static void stop() throws Exception {
        run("pg_ctlcluster", "--skip-systemctl-redirect", "15", "replica", "stop", "-m", "fast");
    }

    /** Starts the local standby again and waits until it answers in recovery. */
    static void start() throws Exception {
        run(SCRIPT.toString());
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
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

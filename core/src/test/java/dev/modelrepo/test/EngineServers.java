package dev.modelrepo.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;

/**
 * Finds a server for each client-server engine once per JVM and remembers the outcome.
 *
 * <p>The order is: a JDBC URL in {@code MODELREPO_<ENGINE>_URL} (with optional {@code _USER} and
 * {@code _PASSWORD}), then a local server on its usual port, then a Testcontainers container. A URL
 * given in the environment is authoritative: when it does not connect the engine is reported
 * missing rather than silently replaced by another server.
 */
final class EngineServers {

    /** How the support code reaches a server as an administrator that may create databases. */
    record Server(Engine engine, String adminUrl, String user, String password, String source) {

        Properties properties() {
            Properties properties = new Properties();
            if (user != null) {
                properties.setProperty("user", user);
            }
            if (password != null) {
                properties.setProperty("password", password);
            }
            return properties;
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(adminUrl, properties());
        }

        @Override
        public String toString() {
            return adminUrl + " (" + source + ")";
        }
    }

    /** The cached outcome of looking for one engine: a server, or what was tried. */
    private record Lookup(Server server, String tried) {
    }

    private static final int PROBE_TIMEOUT_SECONDS = 2;
    private static final Map<Engine, Lookup> LOOKUPS = new EnumMap<>(Engine.class);

    private EngineServers() {
    }

    /**
     * Returns the server for {@code engine}, or skips the current test (or fails it, under
     * {@code CI=true} for an engine that CI must have) when there is none.
     */
    static Server require(Engine engine) {
        Lookup lookup = lookup(engine);
        if (lookup.server() != null) {
            return lookup.server();
        }
        String reason = engine.displayName() + " is not available; tried: " + lookup.tried();
        if (ciRequires(engine)) {
            throw new IllegalStateException("CI=true requires " + engine.displayName()
                    + " but it is not available; tried: " + lookup.tried());
        }
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    /** Whether {@code CI=true} is set and {@code engine} must then be present. */
    static boolean ciRequires(Engine engine) {
        return "true".equals(System.getenv("CI")) && engine.requiredInCi();
    }

    private static synchronized Lookup lookup(Engine engine) {
        if (engine.embedded()) {
            throw new IllegalArgumentException(engine + " is embedded and needs no server");
        }
        return LOOKUPS.computeIfAbsent(engine, EngineServers::discover);
    }

    private static Lookup discover(Engine engine) {
        List<String> tried = new ArrayList<>();
        Server server = find(engine, tried);
        Lookup lookup = new Lookup(server, String.join("; ", tried));
        if (server != null) {
            System.out.println("[modelrepo-test] " + engine.displayName() + ": using " + server);
        } else {
            String outcome = ciRequires(engine) ? "tests will FAIL (CI=true)" : "tests will be skipped";
            System.out.println("[modelrepo-test] " + engine.displayName() + ": not available, " + outcome
                    + "; tried: " + lookup.tried());
        }
        return lookup;
    }

    private static Server find(Engine engine, List<String> tried) {
        String variable = "MODELREPO_" + engine.name() + "_URL";
        String url = System.getenv(variable);
        if (url != null && !url.isBlank()) {
            Server server = new Server(engine, url.trim(), System.getenv("MODELREPO_" + engine.name() + "_USER"),
                    System.getenv("MODELREPO_" + engine.name() + "_PASSWORD"), "from " + variable);
            String failure = probe(server);
            if (failure == null) {
                return server;
            }
            tried.add(variable + "=" + url + " did not connect: " + failure);
            return null;
        }
        tried.add(variable + " not set");

        Server local = switch (engine) {
            case POSTGRESQL -> new Server(engine, "jdbc:postgresql://127.0.0.1:5432/test", "postgres", "",
                    "local server");
            case MARIADB -> new Server(engine, "jdbc:mariadb://127.0.0.1:3306/test", "root", "", "local server");
            default -> null;
        };
        if (local == null) {
            tried.add("no local default for " + engine.displayName());
        } else {
            String failure = probe(local);
            if (failure == null) {
                return local;
            }
            tried.add("local " + local.adminUrl() + ": " + failure);
        }

        try {
            return Containers.start(engine, tried);
        } catch (LinkageError e) {
            tried.add("Testcontainers not on the class path (" + e + ")");
            return null;
        }
    }

    /** Opens one connection with a short timeout; returns null when it works, else why not. */
    private static String probe(Server server) {
        Properties properties = server.properties();
        // Driver-specific connect timeouts, so that a silent port cannot stall the test run.
        properties.setProperty("loginTimeout", String.valueOf(PROBE_TIMEOUT_SECONDS));
        properties.setProperty("connectTimeout", server.engine() == Engine.POSTGRESQL
                ? String.valueOf(PROBE_TIMEOUT_SECONDS) : String.valueOf(PROBE_TIMEOUT_SECONDS * 1000));
        try (Connection connection = DriverManager.getConnection(server.adminUrl(), properties);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT VERSION()")) {
            rs.next();
            String version = rs.getString(1);
            if (server.engine() == Engine.MARIADB && !version.contains("MariaDB")) {
                return "answered, but it is not MariaDB (version " + version + ")";
            }
            return null;
        } catch (SQLException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

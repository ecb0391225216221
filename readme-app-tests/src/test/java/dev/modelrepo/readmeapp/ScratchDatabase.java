package dev.modelrepo.readmeapp;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL database made for one test class on the local server (127.0.0.1:5432, user postgres), so Flyway
 * migrates an empty database and its history never meets another test's; dropped afterwards. Without a server the
 * tests are skipped, except under {@code CI=true}, where that fails them.
 */
final class ScratchDatabase {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    private static final String USER = "postgres";

    private final String name = "readme_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private ScratchDatabase() {
    }

    static ScratchDatabase create() {
        ScratchDatabase database = new ScratchDatabase();
        try {
            database.execute("CREATE DATABASE " + database.name);
        }
        catch (SQLException ex) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL at " + SERVER + " is required under CI=true", ex);
            }
            Assumptions.abort("no PostgreSQL at " + SERVER + ": " + ex.getMessage());
        }
        return database;
    }

    String url() {
        return SERVER + this.name;
    }

    String username() {
        return USER;
    }

    void drop() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}

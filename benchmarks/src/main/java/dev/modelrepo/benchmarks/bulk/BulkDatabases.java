package dev.modelrepo.benchmarks.bulk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The databases of the bulk benchmarks: a schema {@code bench} on the local PostgreSQL (127.0.0.1:5432, user postgres,
 * database test), a database {@code bench} on the local MariaDB (127.0.0.1:3306, root), a SQLite file and an H2
 * in-memory database, each with one table {@code bench_rows}: a generated key and six columns of five types.
 * URLs can be overridden with the system properties {@code bench.postgresql.url} and {@code bench.mariadb.url}.
 */
public final class BulkDatabases {

    /** The six columns every contender writes, in this order. */
    public static final List<String> COLUMNS = List.of("name", "email", "age", "score", "active", "seen_at");

    private static final LocalDateTime EPOCH = LocalDateTime.of(2025, 1, 1, 0, 0);

    private BulkDatabases() {
    }

    /** The engines. */
    public enum Engine {
        POSTGRESQL, MARIADB, SQLITE, H2
    }

    /** A pool on the engine's benchmark database with {@code bench_rows} created afresh; {@code extra}: URL options as "&k=v". */
    public static HikariDataSource open(Engine engine, String extra) throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(1);
        config.setPoolName("bulk-" + engine.name().toLowerCase() + (extra.isEmpty() ? "" : "-" + Math.abs(extra.hashCode())));
        switch (engine) {
            case POSTGRESQL -> {
                String url = System.getProperty("bench.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
                admin(url, "postgres", "CREATE SCHEMA IF NOT EXISTS bench");
                config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=bench" + extra);
                config.setUsername("postgres");
            }
            case MARIADB -> {
                String url = System.getProperty("bench.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test");
                admin(url, "root", "CREATE DATABASE IF NOT EXISTS bench CHARACTER SET utf8mb4");
                config.setJdbcUrl(url.replace("/test", "/bench") + (extra.isEmpty() ? "" : "?" + extra.substring(1)));
                config.setUsername("root");
            }
            case SQLITE -> {
                Path file = Path.of(System.getProperty("java.io.tmpdir"), "modelrepo-bulk-bench.db");
                config.setJdbcUrl("jdbc:sqlite:" + file);
                config.addDataSourceProperty("journal_mode", "WAL");
                config.addDataSourceProperty("synchronous", "NORMAL");
                config.setMaximumPoolSize(1);
            }
            case H2 -> config.setJdbcUrl("jdbc:h2:mem:bulk-bench;DB_CLOSE_DELAY=-1");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_rows");
            s.execute(ddl(engine));
        }
        return dataSource;
    }

    private static void admin(String url, String user, String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String ddl(Engine engine) {
        return switch (engine) {
            case POSTGRESQL -> "CREATE TABLE bench_rows (id BIGSERIAL PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL,"
                    + " age INTEGER, score DOUBLE PRECISION, active BOOLEAN NOT NULL, seen_at TIMESTAMP(6))";
            case MARIADB -> "CREATE TABLE bench_rows (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL,"
                    + " email VARCHAR(200) NOT NULL, age INTEGER, score DOUBLE, active BOOLEAN NOT NULL, seen_at DATETIME(6))";
            case SQLITE -> "CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL,"
                    + " age INTEGER, score DOUBLE, active BOOLEAN NOT NULL, seen_at TIMESTAMP)";
            case H2 -> "CREATE TABLE bench_rows (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200) NOT NULL,"
                    + " age INTEGER, score DOUBLE PRECISION, active BOOLEAN NOT NULL, seen_at TIMESTAMP(6))";
        };
    }

    /** Empties {@code bench_rows} and restarts its key at 1. */
    public static void truncate(javax.sql.DataSource dataSource, Engine engine) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            switch (engine) {
                case POSTGRESQL -> s.execute("TRUNCATE bench_rows RESTART IDENTITY");
                case MARIADB -> s.execute("TRUNCATE TABLE bench_rows");
                case H2 -> s.execute("TRUNCATE TABLE bench_rows RESTART IDENTITY");
                case SQLITE -> {
                    s.execute("DROP TABLE bench_rows");
                    s.execute(ddl(engine));
                }
            }
        }
    }

    /** Row {@code i}: the same values for every contender; every tenth name has a non-ASCII letter and a quote. */
    public static Map<String, Object> row(int i) {
        return Map.of("name", i % 10 == 0 ? "Zoë O'Brien " + i : "Name " + i, "email", "user" + i + "@example.com", "age", 18 + i % 60,
                "score", i * 0.25, "active", i % 3 != 0, "seen_at", EPOCH.plusSeconds(i));
    }

    public static List<Map<String, Object>> rows(int n) {
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    /** The changed values of row {@code i} for the update benchmarks: key i + 1, new name, age and score. */
    public static List<Map<String, Object>> updates(int n) {
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("id", (long) i + 1, "name", "Renamed " + i, "age", 99 - i % 60, "score", i * 0.5));
        }
        return rows;
    }

    /** The keys 1..n as rows for the delete benchmarks. */
    public static List<Map<String, Object>> keys(int n) {
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("id", (long) i + 1));
        }
        return rows;
    }

    static void deleteFile() throws java.io.IOException {
        Files.deleteIfExists(Path.of(System.getProperty("java.io.tmpdir"), "modelrepo-bulk-bench.db"));
    }
}

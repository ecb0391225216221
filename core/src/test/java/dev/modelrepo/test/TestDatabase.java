package dev.modelrepo.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A fresh, empty database (PostgreSQL: schema) of one engine behind a HikariCP pool, dropped again
 * by {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_POOL_SIZE = 10;
    private static final long CONNECTION_TIMEOUT_MILLIS = 5_000;
    private static final String SQLITE_BUSY_TIMEOUT_MILLIS = "20000";

    private final Engine engine;
    private final String name;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final HikariDataSource dataSource;
    private final EngineServers.Server server;
    private final Path sqliteFile;
    private boolean closed;

    private TestDatabase(Engine engine, String name, String jdbcUrl, String username, String password,
            EngineServers.Server server, Path sqliteFile) {
        this.engine = engine;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.server = server;
        this.sqliteFile = sqliteFile;
        this.dataSource = new HikariDataSource(poolConfig());
    }

    /**
     * Creates a new, empty database for {@code engine}: H2 a uniquely named in-memory database, SQLite
     * a temporary file, PostgreSQL a schema {@code t_<hex>} that the pool selects through
     * {@code currentSchema}, MariaDB and MySQL a database {@code t_<hex>}. Servers are looked for once
     * per JVM: {@code MODELREPO_<ENGINE>_URL} (with {@code _USER}, {@code _PASSWORD}), else the local
     * PostgreSQL on 127.0.0.1:5432 or MariaDB on 127.0.0.1:3306, else Testcontainers. Callers
     * outside {@link EngineTest} must close the result.
     *
     * @throws org.opentest4j.TestAbortedException when the engine's server is missing (the test is skipped)
     * @throws IllegalStateException when the server is missing under {@code CI=true} and CI requires it
     */
    public static TestDatabase create(Engine engine) {
        Objects.requireNonNull(engine, "engine");
        String name = "t_" + randomHex();
        return switch (engine) {
            case H2 -> new TestDatabase(engine, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "",
                    null, null);
            case SQLITE -> {
                Path file = createTempFile(name);
                try {
                    yield new TestDatabase(engine, name, "jdbc:sqlite:" + file, null, null, null, file);
                } catch (RuntimeException e) {
                    deleteSqliteFiles(file);
                    throw e;
                }
            }
            case POSTGRESQL -> {
                EngineServers.Server server = EngineServers.require(engine);
                administer(server, "CREATE SCHEMA " + name);
                yield fromServer(server, name, withParameter(server.adminUrl(), "currentSchema", name));
            }
            case MARIADB, MYSQL -> {
                EngineServers.Server server = EngineServers.require(engine);
                administer(server, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
                yield fromServer(server, name, withDatabase(server.adminUrl(), name));
            }
        };
    }

    private static TestDatabase fromServer(EngineServers.Server server, String name, String url) {
        try {
            return new TestDatabase(server.engine(), name, url, server.user(), server.password(), server, null);
        } catch (RuntimeException e) {
            dropQuietly(server, name, e);
            throw e;
        }
    }

    /** The engine this database runs on. */
    public Engine engine() {
        return engine;
    }

    /** The unique name of this database (PostgreSQL: of the schema), {@code t_} and 12 hex digits. */
    public String name() {
        return name;
    }

    /** The pool, at most 10 connections, all pointing at this database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL the pool uses, e.g. for a Spring {@code spring.datasource.url} property. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The user the pool connects as, or null when the engine needs none (SQLite). */
    public String username() {
        return username;
    }

    /** The password the pool connects with, or null when the engine needs none (SQLite). */
    public String password() {
        return password;
    }

    /**
     * Applies a Liquibase changelog from the class path, e.g. {@code db/changelog/test-schema.xml},
     * to this database.
     */
    public void migrate(String changelog) {
        try (Connection connection = dataSource.getConnection()) {
            LiquibaseMigrator.update(connection, changelog, engine == Engine.POSTGRESQL ? name : null);
        } catch (SQLException e) {
            throw new IllegalStateException("could not apply " + changelog + " on " + engine, e);
        }
    }

    /** Closes the pool and drops the database (PostgreSQL: the schema) or deletes the SQLite file. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        dataSource.close();
        switch (engine) {
            case H2 -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password);
                        Statement statement = connection.createStatement()) {
                    statement.execute("SHUTDOWN");
                } catch (SQLException e) {
                    throw new IllegalStateException("could not drop H2 database " + name, e);
                }
            }
            case SQLITE -> deleteSqliteFiles(sqliteFile);
            case POSTGRESQL -> administer(server, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
            case MARIADB, MYSQL -> administer(server, "DROP DATABASE IF EXISTS " + name);
        }
    }

    @Override
    public String toString() {
        return engine.displayName() + " " + name;
    }

    private HikariConfig poolConfig() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("test-" + engine.displayName() + "-" + name);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        if (engine == Engine.SQLITE) {
            // Read by org.sqlite.SQLiteConfig on every new connection: WAL lets readers and a writer
            // share the file, busy_timeout makes a second writer wait instead of failing with
            // SQLITE_BUSY at once, foreign keys are off by default in SQLite, and IMMEDIATE transactions
            // take the write lock at BEGIN, so two read-then-write transactions never deadlock on upgrade.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.addDataSourceProperty("busy_timeout", SQLITE_BUSY_TIMEOUT_MILLIS);
            config.addDataSourceProperty("foreign_keys", "true");
        }
        return config;
    }

    private static void administer(EngineServers.Server server, String sql) {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on " + server, e);
        }
    }

    private static void dropQuietly(EngineServers.Server server, String name, RuntimeException cause) {
        try {
            administer(server, server.engine() == Engine.POSTGRESQL
                    ? "DROP SCHEMA IF EXISTS " + name + " CASCADE"
                    : "DROP DATABASE IF EXISTS " + name);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private static void deleteSqliteFiles(Path file) {
        try {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file, e);
        }
    }

    private static Path createTempFile(String name) {
        try {
            return Files.createTempFile("modelrepo-" + name + "-", ".db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Replaces the database of {@code jdbc:<driver>://hosts/db?params}, keeping hosts and params. */
    static String withDatabase(String url, String database) {
        int hosts = url.indexOf("//");
        if (hosts < 0) {
            throw new IllegalArgumentException("expected jdbc:<driver>://host[:port]/database, got " + url);
        }
        int query = url.indexOf('?', hosts + 2);
        int end = query < 0 ? url.length() : query;
        int slash = url.indexOf('/', hosts + 2);
        int hostsEnd = slash < 0 || slash > end ? end : slash;
        return url.substring(0, hostsEnd) + "/" + database + url.substring(end);
    }

    /** Appends {@code key=value} to the URL's query string. */
    static String withParameter(String url, String key, String value) {
        return url + (url.indexOf('?') < 0 ? "?" : "&") + key + "=" + value;
    }
}

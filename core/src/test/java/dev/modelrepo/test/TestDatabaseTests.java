package dev.modelrepo.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInfo;

/** Checks the engine test support itself: databases, isolation, the changelog and display names. */
@Changelog("db/changelog/test-schema.xml")
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class TestDatabaseTests {

    /** The databases the first nested class used, per engine. */
    private static final Map<Engine, TestDatabase> FIRST_DATABASES = new EnumMap<>(Engine.class);

    @EngineTest
    void changelogTablesExist(TestDatabase db, Engine engine, TestInfo info) throws SQLException {
        assertThat(db.engine()).isEqualTo(engine);
        assertThat(info.getDisplayName()).isEqualTo("changelogTablesExist [" + engine.displayName() + "]");
        // No test of this class writes employees; the other tables may hold rows of other tests.
        assertThat(count(db, "SELECT COUNT(*) FROM employees")).isZero();
        for (String table : new String[] {"companies", "departments", "users"}) {
            assertThat(count(db, "SELECT COUNT(*) FROM " + table)).as(table).isNotNegative();
        }
    }

    @EngineTest
    void idsAutoIncrementAndDefaultsApply(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO users (name, email) VALUES ('Ann', 'ann@example.com')");
            s.executeUpdate("INSERT INTO users (name, email) VALUES ('Bob', 'bob@example.com')");
            try (ResultSet rs = s.executeQuery("SELECT id, status, is_active, lock_version FROM users"
                    + " WHERE name IN ('Ann', 'Bob') ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                long first = rs.getLong(1);
                assertThat(rs.getString(2)).isEqualTo("active");
                assertThat(rs.getBoolean(3)).isTrue();
                assertThat(rs.getInt(4)).isZero();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isGreaterThan(first);
            }
        }
    }

    @EngineTest
    void foreignKeysAndUniqueConstraintsAreEnforced(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate(
                    "INSERT INTO departments (company_id, name) VALUES (987654321, 'Ghost')"))
                    .isInstanceOf(SQLException.class);
            s.executeUpdate("INSERT INTO users (name, email) VALUES ('Cy', 'cy@example.com')");
            assertThatThrownBy(() -> s.executeUpdate(
                    "INSERT INTO users (name, email) VALUES ('Cy2', 'cy@example.com')"))
                    .isInstanceOf(SQLException.class);
        }
    }

    @EngineTest(engines = {Engine.H2, Engine.POSTGRESQL, Engine.MARIADB, Engine.MYSQL})
    void timestampsKeepMicroseconds(TestDatabase db) throws SQLException {
        Timestamp written = Timestamp.valueOf("2024-01-02 03:04:05.123456");
        try (Connection c = db.dataSource().getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO companies (name, created_at) VALUES ('Micro', ?)")) {
                insert.setTimestamp(1, written);
                insert.executeUpdate();
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT created_at FROM companies WHERE name = 'Micro'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getTimestamp(1)).isEqualTo(written);
            }
        }
    }

    @EngineTest(engines = {Engine.MARIADB, Engine.MYSQL})
    void mysqlFamilyColumnTypes(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement query = c.prepareStatement("SELECT column_name, column_type"
                        + " FROM information_schema.columns WHERE table_schema = ? AND table_name = ?")) {
            query.setString(1, db.name());
            query.setString(2, "employees");
            Map<String, String> types = new HashMap<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    types.put(rs.getString(1).toLowerCase(), rs.getString(2).toLowerCase());
                }
            }
            assertThat(types.get("created_at")).isEqualTo("datetime(6)");
            assertThat(types.get("updated_at")).isEqualTo("datetime(6)");
            assertThat(types.get("active")).isIn("bit(1)", "tinyint(1)");
            assertThat(types.get("id")).startsWith("bigint");
        }
    }

    @EngineTest(engines = Engine.SQLITE)
    void sqliteRunsInWalModeWithForeignKeysAndABusyTimeout(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(pragma(s, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(s, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(s, "busy_timeout")).isEqualTo("20000");
            // Declared as TIMESTAMP(6), not the TEXT Liquibase makes of datetime, so the type says what it holds.
            try (ResultSet rs = s.executeQuery(
                    "SELECT type FROM pragma_table_info('users') WHERE name = 'created_at'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualToIgnoringCase("TIMESTAMP(6)");
            }
        }
    }

    @EngineTest(engines = Engine.SQLITE)
    void sqlitePoolConnectionsReadDuringAWriteAndQueueToWrite(TestDatabase db) throws Exception {
        try (Connection writer = db.dataSource().getConnection(); Connection other = db.dataSource().getConnection()) {
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                s.executeUpdate("INSERT INTO companies (name) VALUES ('Uncommitted')");
            }
            // WAL: another connection reads during the open write transaction and does not see its row.
            assertThat(count(other, "SELECT COUNT(*) FROM companies WHERE name = 'Uncommitted'")).isZero();
            // busy_timeout: a second writer waits for the first instead of failing with SQLITE_BUSY.
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
                try (Statement s = other.createStatement()) {
                    return s.executeUpdate("INSERT INTO companies (name) VALUES ('Second writer')");
                } catch (SQLException e) {
                    throw new CompletionException(e);
                }
            });
            Thread.sleep(300);
            assertThat(second).isNotDone();
            writer.commit();
            // sqlite-jdbc begins the next transaction right after commit while autocommit is off, and with
            // transaction_mode=IMMEDIATE that BEGIN takes the write lock again: end it, as Spring's transaction
            // manager does after every commit.
            writer.setAutoCommit(true);
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @EngineTest(engines = {Engine.H2, Engine.SQLITE})
    void enginesCanBeRestricted(Engine engine, TestDatabase db) {
        assertThat(engine).isIn(Engine.H2, Engine.SQLITE);
        assertThat(db.engine()).isEqualTo(engine);
    }

    @Test
    void urlHelpersKeepHostsAndParameters() {
        assertThat(TestDatabase.withDatabase("jdbc:mariadb://127.0.0.1:3306/test?a=1", "t_1"))
                .isEqualTo("jdbc:mariadb://127.0.0.1:3306/t_1?a=1");
        assertThat(TestDatabase.withDatabase("jdbc:mysql://h1:1,h2:2", "t_1")).isEqualTo("jdbc:mysql://h1:1,h2:2/t_1");
        assertThat(TestDatabase.withDatabase("jdbc:mysql://h?x=/y", "t_1")).isEqualTo("jdbc:mysql://h/t_1?x=/y");
        assertThat(TestDatabase.withParameter("jdbc:postgresql://h/test", "currentSchema", "t_1"))
                .isEqualTo("jdbc:postgresql://h/test?currentSchema=t_1");
        assertThat(TestDatabase.withParameter("jdbc:postgresql://h/test?ssl=false", "currentSchema", "t_1"))
                .isEqualTo("jdbc:postgresql://h/test?ssl=false&currentSchema=t_1");
    }

    /** Starts from empty tables and writes a row, so that the next class can show it does not see it. */
    @Nested
    @Order(1)
    class FirstClass {

        @EngineTest
        void startsEmptyAndWritesARow(TestDatabase db, Engine engine, TestInfo info) throws SQLException {
            assertThat(info.getDisplayName()).isEqualTo("startsEmptyAndWritesARow [" + engine.displayName() + "]");
            FIRST_DATABASES.put(engine, db);
            for (String table : new String[] {"companies", "departments", "employees", "users"}) {
                assertThat(count(db, "SELECT COUNT(*) FROM " + table)).as(table).isZero();
            }
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO companies (name) VALUES ('Only in the first class')");
            }
            assertThat(count(db, "SELECT COUNT(*) FROM companies")).isEqualTo(1);
        }
    }

    /** Runs after {@link FirstClass}, whose database must be gone by then. */
    @Nested
    @Order(2)
    class SecondClass {

        @EngineTest
        void seesItsOwnDatabaseAndTheFirstOneWasDropped(TestDatabase db, Engine engine) throws SQLException {
            TestDatabase first = FIRST_DATABASES.get(engine);
            assertThat(first).as("the first class ran on %s", engine).isNotNull();
            assertThat(db.name()).isNotEqualTo(first.name());
            assertThat(count(db, "SELECT COUNT(*) FROM companies")).isZero();
            assertThat(exists(db, first)).as("%s was dropped", first).isFalse();
            assertThat(exists(db, db)).as("%s exists", db).isTrue();
        }
    }

    /** Whether {@code target}'s database (schema, file) still exists, asked through the live {@code db}. */
    private static boolean exists(TestDatabase db, TestDatabase target) throws SQLException {
        switch (target.engine()) {
            case H2:
                try (Connection ignored = DriverManager.getConnection(target.jdbcUrl() + ";IFEXISTS=TRUE", "sa", "")) {
                    return true;
                } catch (SQLException e) {
                    return false;
                }
            case SQLITE:
                return Files.exists(Path.of(target.jdbcUrl().substring("jdbc:sqlite:".length())));
            default:
                return count(db, "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '"
                        + target.name() + "'") == 1;
        }
    }

    private static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return count(c, sql);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    private static String pragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}

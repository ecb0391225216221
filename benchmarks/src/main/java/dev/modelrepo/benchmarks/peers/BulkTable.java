package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.benchmarks.peers.BulkBenchmarks.CHANGED;
import static dev.modelrepo.benchmarks.peers.BulkBenchmarks.INSERTED;
import static dev.modelrepo.benchmarks.peers.BulkJdbc.BATCH;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import com.zaxxer.hikari.HikariDataSource;

/** The bulk benchmarks' table ({@value #TABLE}, the employees' columns): its statements, and its setup and checks outside the shots. */
final class BulkTable {

    static final String TABLE = "employees_bulk";

    static final String INSERT = "INSERT INTO " + TABLE + " (department_id, manager_id, name, email, title, salary, active, hired_on,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String UPDATE = "UPDATE " + TABLE + " SET salary = ?, title = ? WHERE id = ?";

    static final String DELETE = "DELETE FROM " + TABLE + " WHERE id = ?";

    static final List<String> COLUMNS = List.of("department_id", "manager_id", "name", "email", "title", "salary", "active",
            "hired_on", "created_at");

    static final List<String> UPDATED_COLUMNS = List.of("id", "salary", "title");

    static final Table<Record> JOOQ_TABLE = DSL.table(DSL.name(TABLE));

    static final Field<Long> J_ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);

    private BulkTable() {
    }

    /** A pool on {@code db} with the table created empty. */
    static HikariDataSource open(Engine db) throws SQLException {
        String url = db.jdbcUrl("");
        if (db == Engine.POSTGRESQL) {
            // as in Fixture: every pooled session commits without waiting for the WAL flush
            try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("ALTER DATABASE " + Engine.PG_DATABASE + " SET synchronous_commit = off");
            }
        }
        HikariDataSource dataSource = Fixture.pool(db, url);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute(Fixture.employeeColumns(TABLE));
        }
        return dataSource;
    }

    static void drop(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
        }
    }

    static void truncate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE TABLE " + TABLE + " RESTART IDENTITY");
        }
    }

    /** Empties the table and loads rows 1..n with their ids (outside the measurement). */
    static void load(DataSource dataSource, Engine db, List<BulkRow> rows, int n) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("TRUNCATE TABLE " + TABLE + " RESTART IDENTITY");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " (id, department_id, manager_id, name, email,"
                    + " title, salary, active, hired_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= n; i++) {
                    ps.setLong(1, i);
                    BulkRow.bind(ps, 1, rows.get(i - 1));
                    ps.addBatch();
                    if (i % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE " + TABLE + " ALTER COLUMN id RESTART WITH " + (n + 1));
                s.execute(db == Engine.POSTGRESQL ? "VACUUM ANALYZE " + TABLE : "ANALYZE");
            }
        }
    }

    /** Fails, naming {@code who}, when shot {@code shot} of {@code workload} did not do its work. */
    static void check(DataSource dataSource, String workload, int shot, String who) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            switch (workload) {
                case "insertBulk" -> require(Fixture.count(c, TABLE) == INSERTED, "rows after insertBulk", shot, who);
                case "deleteBulk" -> require(Fixture.count(c, TABLE) == 0, "rows after deleteBulk", shot, who);
                case "updateBulk" -> {
                    long expected = 0;
                    for (int i = 1; i <= CHANGED; i++) {
                        expected += BulkRow.salary(i, shot);
                    }
                    try (ResultSet rs = s.executeQuery("SELECT SUM(salary), COUNT(*) FROM " + TABLE + " WHERE title = "
                            + "CASE MOD(id + " + shot + ", " + (Fixture.TITLES.length - 1) + ")"
                            + BulkRow.titleCases() + " END")) {
                        rs.next();
                        require(rs.getLong(1) == expected && rs.getLong(2) == CHANGED, "salaries and titles after updateBulk", shot,
                                who);
                    }
                }
                default -> throw new IllegalStateException(workload);
            }
        }
    }

    private static void require(boolean ok, String what, int shot, String who) {
        if (!ok) {
            throw new IllegalStateException(who + ": wrong " + what + " (shot " + shot + ")");
        }
    }
}

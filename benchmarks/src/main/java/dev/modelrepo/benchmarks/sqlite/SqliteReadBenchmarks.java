package dev.modelrepo.benchmarks.sqlite;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;

/**
 * SQLite (a WAL file): reading {@code rows} rows of an id, a name, a DECIMAL(12,2) (stored as REAL) and two DATETIME
 * columns (stored as text) through modelrepo ({@code repo.list}, models) against hand-written JDBC running the very SQL
 * modelrepo renders on the same pool: {@code jdbcRaw} reads each value as the driver hands it (long, String, double,
 * String, String: the floor, no conversion at all), {@code jdbcConverted} converts to the same Java types as modelrepo
 * the way hand-written code usually does ({@code BigDecimal.valueOf(double).setScale}, a {@code DateTimeFormatter}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SqliteReadBenchmarks {

    static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    /** Raw values, as the driver returns them. */
    record RawRow(long id, String name, double amount, String takenAt, String updatedAt) {
    }

    /** The same Java types as the model holds. */
    record ConvertedRow(long id, String name, BigDecimal amount, LocalDateTime takenAt, LocalDateTime updatedAt) {
    }

    @Param({"1000"})
    public int rows;

    private Path dir;

    private HikariDataSource dataSource;

    private ModelRepository repo;

    private ModelQuery<Reading> all;

    private String sql;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("modelrepo-sqlite-read");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("read.db"));
        config.addDataSourceProperty("journal_mode", "WAL");
        config.setMaximumPoolSize(1);
        dataSource = new HikariDataSource(config);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE readings (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, amount DECIMAL(12,2) NOT NULL,"
                    + " taken_at DATETIME NOT NULL, updated_at DATETIME NOT NULL)");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO readings (id, name, amount, taken_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "reading " + i);
                    ps.setString(3, BigDecimal.valueOf(i * 137L % 100_000, 2).toPlainString());
                    ps.setString(4, "2026-" + two(1 + i % 12) + "-" + two(1 + i % 28) + " " + two(i % 24) + ":" + two(i % 60) + ":" + two(i % 59));
                    ps.setString(5, "2026-12-01 10:15:" + two(i % 60) + "." + (100 + i % 900));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        repo = ModelRepository.create(dataSource);
        all = repo.query(Reading.class, "r");
        sql = repo.toSql(all, Map.of());
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        dataSource.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public List<Reading> modelrepoList() {
        return repo.list(all, Map.of());
    }

    @Benchmark
    public List<RawRow> jdbcRaw() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<RawRow> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new RawRow(rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getString(4), rs.getString(5)));
            }
            return out;
        }
    }

    @Benchmark
    public List<ConvertedRow> jdbcConverted() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<ConvertedRow> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ConvertedRow(rs.getLong(1), rs.getString(2), BigDecimal.valueOf(rs.getDouble(3)).setScale(2, RoundingMode.UNNECESSARY),
                        LocalDateTime.parse(rs.getString(4), TEXT), LocalDateTime.parse(rs.getString(5), TEXT)));
            }
            return out;
        }
    }
}

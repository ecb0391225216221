package dev.modelrepo.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.TypeMismatchDataAccessException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;
import dev.modelrepo.query.Q;
import dev.modelrepo.repository.ModelRepository;

/**
 * Date and time columns are read from the bytes the driver hands ({@code getBytes}), and whatever those bytes are not
 * (UTF-16 text of a database in that encoding, an epoch number with a fraction, a signed year, bad text) is read
 * through the text path: every stored form comes back the same in every database encoding SQLite has.
 */
class SqliteByteReadingTests {

    @Table(name = "moments")
    public static class Moment extends Model {
    }

    private static final Object[][] ROWS = {
        // id, d (DATE), t (TIME), ts (DATETIME), tz (TIMESTAMPTZ): SQL literals, then the values read
        {1, "'2024-05-01'", "'13:45'", "'2024-05-01 13:45:07.125'", "'2024-05-01T13:45:07+02:00'",
            LocalDate.of(2024, 5, 1), LocalTime.of(13, 45), LocalDateTime.parse("2024-05-01T13:45:07.125"),
            OffsetDateTime.parse("2024-05-01T11:45:07Z")},
        {2, "'2024-05-01 10:00:00'", "'13:45:07.000001'", "'2024-05-01T13:45:07Z'", "'2024-12-31 23:30:00.5-01:00'",
            LocalDate.of(2024, 5, 1), LocalTime.of(13, 45, 7, 1000), LocalDateTime.parse("2024-05-01T13:45:07"),
            OffsetDateTime.parse("2025-01-01T00:30:00.5Z")},
        {3, "1714571107250", "'00:00:00'", "1714571107250", "-86400000",
            LocalDate.of(2024, 5, 1), LocalTime.MIDNIGHT, LocalDateTime.parse("2024-05-01T13:45:07.250"),
            OffsetDateTime.parse("1969-12-31T00:00Z")},
        {4, "'-0001-05-01'", "'23:59:59.999999999'", "1714571107250.75", "'+12345-06-07 08:09:10.5'",
            LocalDate.of(-1, 5, 1), LocalTime.of(23, 59, 59, 999_999_999), LocalDateTime.parse("2024-05-01T13:45:07.250"),
            OffsetDateTime.of(LocalDateTime.of(12345, 6, 7, 8, 9, 10, 500_000_000), ZoneOffset.UTC)},
        {5, "NULL", "NULL", "NULL", "NULL", null, null, null, null},
    };

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"UTF-8", "UTF-16le", "UTF-16be"})
    void everyStoredFormReadsTheSameInEveryEncoding(String encoding) throws Exception {
        Path dir = Files.createTempDirectory("modelrepo-sqlite-encoding");
        String url = "jdbc:sqlite:" + dir.resolve("moments.db");
        try {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("PRAGMA encoding = '" + encoding + "'");   // before anything is written: the database's encoding for good
                s.execute("CREATE TABLE moments (id INTEGER PRIMARY KEY, d DATE, t TIME, ts DATETIME, tz TIMESTAMPTZ)");
                for (Object[] row : ROWS) {
                    s.execute("INSERT INTO moments VALUES (" + row[0] + ", " + row[1] + ", " + row[2] + ", " + row[3] + ", " + row[4] + ")");
                }
                try (ResultSet rs = s.executeQuery("PRAGMA encoding")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).as("the database's encoding").isEqualToIgnoringCase(encoding);
                }
            }
            try (HikariDataSource dataSource = dataSource(url)) {
                ModelRepository repo = ModelRepository.create(dataSource);
                List<Moment> read = repo.list(repo.query(Moment.class, "m").orderBy(Q.asc("m.id")), Map.of());
                assertThat(read).hasSize(ROWS.length);
                for (int r = 0; r < ROWS.length; r++) {
                    Moment m = read.get(r);
                    List<Object> values = new ArrayList<>(Arrays.asList(m.get("d"), m.get("t"), m.get("ts"), m.get("tz")));
                    assertThat(values).as("row " + ROWS[r][0] + " in " + encoding).containsExactly(Arrays.copyOfRange(ROWS[r], 5, 9));
                }

                repo.sql("INSERT INTO moments (id, ts) VALUES (6, 'yesterday')").update(Map.of());
                assertThatThrownBy(() -> repo.list(repo.query(Moment.class, "m").where(Q.eq("m.id", 6)), Map.of()))
                        .isInstanceOf(TypeMismatchDataAccessException.class)
                        .hasMessageContaining("moments.ts").hasMessageContaining("'yesterday'").hasMessageContaining("YYYY-MM-DD");
            }
        }
        finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static HikariDataSource dataSource(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(1);
        return new HikariDataSource(config);
    }
}

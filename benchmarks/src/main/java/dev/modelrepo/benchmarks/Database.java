package dev.modelrepo.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Random;
import java.util.UUID;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.JdbcTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.query.QueryCache;
import dev.modelrepo.repository.ModelRepository;

/**
 * The shared fixture: one in-memory H2 database behind one HikariCP pool (at most 4 connections) that every
 * contender reads through, with {@value #ROWS} employees over {@value #DEPARTMENTS} departments and an index
 * on {@code (department_id, salary)}. Data is generated from a fixed seed, so every run reads the same rows.
 */
@State(Scope.Benchmark)
public class Database {

    public static final int ROWS = 10_000;

    public static final int DEPARTMENTS = 100;

    /** Salaries are uniform in [MIN_SALARY, MAX_SALARY); list filters stay well below MAX_SALARY so each matches ≥ 10 rows. */
    public static final int MIN_SALARY = 30_000;

    public static final int MAX_SALARY = 200_000;

    public static final String DDL = """
            CREATE TABLE employees (
                id            BIGINT       NOT NULL PRIMARY KEY,
                department_id BIGINT       NOT NULL,
                manager_id    BIGINT,
                name          VARCHAR(100) NOT NULL,
                email         VARCHAR(200) NOT NULL,
                title         VARCHAR(100),
                salary        INT          NOT NULL,
                active        BOOLEAN      NOT NULL,
                hired_on      DATE         NOT NULL,
                created_at    TIMESTAMP    NOT NULL
            )""";

    private HikariDataSource dataSource;

    private JdbcTemplate jdbcTemplate;

    private ModelRepository repository;

    private ModelRepository uncachedRepository;

    @Setup(Level.Trial)
    public void start() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setPoolName("bench");
        config.setJdbcUrl("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(4);
        dataSource = new HikariDataSource(config);
        createSchema();
        jdbcTemplate = new JdbcTemplate(dataSource);
        repository = ModelRepository.builder(dataSource).build();
        uncachedRepository = ModelRepository.builder(dataSource).queryCache(QueryCache.disabled()).build();
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    private void createSchema() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(DDL);
            }
            String[] titles = { "Engineer", "Senior Engineer", "Manager", "Analyst", "Designer", null };
            Random random = new Random(20_251_121L);
            LocalDateTime epoch = LocalDateTime.of(2020, 1, 1, 9, 0);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO employees (id, department_id, manager_id, "
                    + "name, email, title, salary, active, hired_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long id = 1; id <= ROWS; id++) {
                    long department = (id - 1) % DEPARTMENTS + 1;
                    ps.setLong(1, id);
                    ps.setLong(2, department);
                    if (id <= DEPARTMENTS) {
                        ps.setNull(3, java.sql.Types.BIGINT);
                    }
                    else {
                        ps.setLong(3, department);
                    }
                    ps.setString(4, "Employee " + id);
                    ps.setString(5, "employee" + id + "@example.com");
                    ps.setString(6, titles[random.nextInt(titles.length)]);
                    ps.setInt(7, MIN_SALARY + random.nextInt(MAX_SALARY - MIN_SALARY));
                    ps.setBoolean(8, random.nextInt(10) != 0);
                    ps.setObject(9, LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3_650)));
                    ps.setObject(10, epoch.plusSeconds(random.nextInt(150_000_000)));
                    ps.addBatch();
                    if (id % 1_000 == 0) {
                        ps.executeBatch();
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX employees_department_salary ON employees (department_id, salary)");
                s.execute("ANALYZE");
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /** The pool every contender uses. */
    public HikariDataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbcTemplate() {
        return jdbcTemplate;
    }

    /** A repository with the default query cache. */
    public ModelRepository repository() {
        return repository;
    }

    /** A repository over the same pool whose query cache is disabled: every execution or render compiles. */
    public ModelRepository uncachedRepository() {
        return uncachedRepository;
    }
}

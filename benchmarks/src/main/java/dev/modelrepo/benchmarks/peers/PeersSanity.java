package dev.modelrepo.benchmarks.peers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.modelrepo.benchmarks.EmployeeRow;
import dev.modelrepo.benchmarks.peers.Rows.DepartmentRow;
import dev.modelrepo.benchmarks.peers.Rows.EmployeeWithDepartment;
import dev.modelrepo.benchmarks.peers.springdata.SdjEmployee;
import dev.modelrepo.benchmarks.peers.springdata.SdjEmployeeWithDepartment;
import dev.modelrepo.model.Model;
import dev.modelrepo.repository.ModelRepository;

/**
 * Checks, before a run measures anything, that every contender of {@link PeersBenchmarks} reads the same rows with
 * the same values and writes what it should, on each engine given ({@code h2}, {@code postgresql}; default both).
 * A contender that is fast because it reads nothing, or the wrong thing, fails here rather than report.
 * {@code run.sh peers} runs it first.
 */
public final class PeersSanity {

    private PeersSanity() {
    }

    public static void main(String[] args) throws Exception {
        List<String> engines = args.length == 0 ? List.of("h2", "postgresql") : List.of(args);
        List<String> versions = new ArrayList<>();
        for (String engine : engines) {
            versions.add(check(engine));
            System.err.println("sanity: every contender reads and writes the same rows on " + engine);
        }
        // stdout: one line for the report
        System.out.println("engines: " + String.join("; ", versions) + "; libraries: " + libraries());
    }

    /** The versions of the libraries in the benchmark jar, from their Maven metadata. */
    static String libraries() {
        String[][] artifacts = { { "org.jooq", "jooq", "jOOQ" }, { "org.jdbi", "jdbi3-core", "Jdbi" },
                { "org.springframework.data", "spring-data-jdbc", "Spring Data JDBC" }, { "org.springframework", "spring-jdbc", "Spring JDBC" },
                { "com.zaxxer", "HikariCP", "HikariCP" }, { "io.micrometer", "micrometer-core", "Micrometer" } };
        List<String> out = new ArrayList<>();
        for (String[] a : artifacts) {
            String version = "?";
            try (var in = PeersSanity.class.getResourceAsStream("/META-INF/maven/" + a[0] + "/" + a[1] + "/pom.properties")) {
                if (in != null) {
                    java.util.Properties p = new java.util.Properties();
                    p.load(in);
                    version = p.getProperty("version", "?");
                }
            }
            catch (java.io.IOException ex) {
                // leave "?"
            }
            if (version.equals("?")) {
                version = listedVersion(a[0], a[1]);
            }
            out.add(a[2] + " " + version);
        }
        return String.join(", ", out);
    }

    /** A version from the dependency list the build writes into the jar ({@code group:artifact:jar:version:scope}). */
    static String listedVersion(String group, String artifact) {
        try (var in = PeersSanity.class.getResourceAsStream("/benchmark-dependencies.txt")) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                    String[] parts = line.trim().split(":");
                    if (parts.length >= 4 && parts[0].equals(group) && parts[1].equals(artifact)) {
                        return parts[3];
                    }
                }
            }
        }
        catch (java.io.IOException ex) {
            // leave "?"
        }
        return "?";
    }

    /** Checks every contender on one engine; returns the engine's and its driver's versions. */
    static String check(String engine) throws Exception {
        Fixture f = new Fixture();
        f.engine = engine;
        f.start();
        JooqContender jooq = new JooqContender();
        JdbiContender jdbi = new JdbiContender();
        SpringDataContender sd = new SpringDataContender();
        ModelrepoContender m = new ModelrepoContender();
        try {
            jooq.start(f);
            jdbi.start(f);
            sd.start(f);
            m.start(f);
            ModelRepository[] repos = { f.repository(), f.uncachedRepository(), f.meteredRepository() };
            checkFindById(f, jooq, jdbi, sd, repos);
            checkList10(f, jooq, jdbi, sd, m, repos);
            checkJoin100(f, jooq, jdbi, sd, m, repos);
            checkWrites(f, jooq, jdbi, sd, m);
            try (java.sql.Connection c = f.dataSource().getConnection()) {
                java.sql.DatabaseMetaData md = c.getMetaData();
                return md.getDatabaseProductName() + " " + md.getDatabaseProductVersion() + " (driver " + md.getDriverVersion() + ")";
            }
        }
        finally {
            sd.stop();
            f.stop();
        }
    }

    /** findById and first by key agree with JDBC for every contender and repository. */
    private static void checkFindById(Fixture f, JooqContender jooq, JdbiContender jdbi, SpringDataContender sd, ModelRepository[] repos) throws Exception {
        for (long id : new long[] { 1, 2, 101, 5_000, Fixture.ROWS }) {
            EmployeeRow jdbc = JdbcContender.findById(f.dataSource(), id);
            require(jdbc != null && jdbc.id() == id, "jdbc findById " + id + ": " + jdbc);
            same("JdbcTemplate findById", jdbc, TemplateContender.findById(f.jdbcTemplate(), id));
            same("jOOQ findById", jdbc, jooq.findById(id));
            same("Jdbi findById", jdbc, jdbi.findById(id));
            same("Spring Data findById", jdbc, row(sd.findById(id)));
            for (ModelRepository repo : repos) {
                same("modelrepo findById", jdbc, row(repo.findById(Employee.class, id).orElseThrow()));
                same("modelrepo first", jdbc, row(repo.first(ModelrepoContender.byIdQuery(repo), Map.of("id", id)).orElseThrow()));
            }
        }
    }

    /** list10 returns JDBC's salaries for every contender and repository, rows inside the filter. */
    private static void checkList10(Fixture f, JooqContender jooq, JdbiContender jdbi, SpringDataContender sd, ModelrepoContender m, ModelRepository[] repos) throws Exception {
        for (int k : new int[] { 0, 1, 99, 100, 350, Fixture.DEPARTMENTS * 6 - 1 }) {
            long dept = PeersBenchmarks.department(k);
            int min = PeersBenchmarks.minSalary(k);
            List<EmployeeRow> jdbc = JdbcContender.list10(f.dataSource(), dept, min);
            require(jdbc.size() == 10, "jdbc list for department " + dept + " from " + min + " has " + jdbc.size() + " rows");
            // salaries, not ids: rows tied on salary may come in either order
            List<Integer> salaries = salaries(jdbc);
            same("JdbcTemplate list10", salaries, salaries(TemplateContender.list10(f.jdbcTemplate(), dept, min)));
            same("jOOQ list10", salaries, salaries(jooq.list10(dept, min)));
            same("Jdbi list10", salaries, salaries(jdbi.list10(dept, min)));
            same("Spring Data list10", salaries, sd.list10(dept, min).stream().map(e -> e.salary).toList());
            for (ModelRepository repo : repos) {
                List<EmployeeRow> models = repo.list(m.list10, Map.of("dept", dept, "min", min)).stream().map(PeersSanity::row).toList();
                same("modelrepo list10", salaries, salaries(models));
                for (EmployeeRow r : models) {
                    require(r.departmentId() == dept && r.salary() >= min, "modelrepo row outside the filter: " + r);
                }
            }
        }
    }

    /** join100 pages agree with JDBC for every contender and repository. */
    private static void checkJoin100(Fixture f, JooqContender jooq, JdbiContender jdbi, SpringDataContender sd, ModelrepoContender m, ModelRepository[] repos) throws Exception {
        for (long after : new long[] { 0, 100, 4_900, 9_800 }) {
            List<EmployeeWithDepartment> jdbc = JdbcContender.join100(f.dataSource(), after);
            require(jdbc.size() == Sql.PAGE && jdbc.get(0).employee().id() == after + 1, "jdbc join page after " + after);
            same("JdbcTemplate join100", jdbc, TemplateContender.join100(f.jdbcTemplate(), after));
            same("jOOQ join100", jdbc, jooq.join100(after));
            same("Jdbi join100", jdbc, jdbi.join100(after));
            same("Spring Data join100", jdbc, sd.join100(after).stream().map(PeersSanity::joined).toList());
            for (ModelRepository repo : repos) {
                same("modelrepo join100", jdbc, repo.list(m.join100, Map.of("after", after)).stream().map(PeersSanity::joined).toList());
            }
        }
    }

    private static void checkWrites(Fixture f, JooqContender jooq, JdbiContender jdbi, SpringDataContender sd, ModelrepoContender m) throws Exception {
        // writes: every insert returns a new id and stores the same row; every update changes the salary
        long[] ids = { JdbcContender.insert(f.dataSource(), 7, 77_777), TemplateContender.insert(f.jdbcTemplate(), 7, 77_777), jooq.insert(7, 77_777),
                jdbi.insert(7, 77_777), sd.insert(7, 77_777), ModelrepoContender.insert(f.repository(), 7, 77_777) };
        EmployeeRow first = JdbcContender.findById(f.dataSource(), ids[0]);
        require(first != null && first.salary() == 77_777 && first.name().equals(Sql.NEW_NAME)
                && first.createdAt().equals(Sql.NEW_CREATED_AT) && first.managerId() == 7, "jdbc insert stored " + first);
        for (int i = 0; i < ids.length; i++) {
            require(ids[i] > Fixture.ROWS && (i == 0 || ids[i] > ids[i - 1]), "insert " + i + " returned id " + ids[i]);
            EmployeeRow stored = JdbcContender.findById(f.dataSource(), ids[i]);
            same("insert " + i, new EmployeeRow(ids[i], 7, 7L, Sql.NEW_NAME, Sql.NEW_EMAIL, Sql.NEW_TITLE, 77_777, true,
                    Sql.NEW_HIRED_ON, Sql.NEW_CREATED_AT), stored);
        }
        f.deleteInserted();
        require(Fixture.count(f.dataSource().getConnection(), "employees") == Fixture.ROWS, "inserted rows left over");
        int s = 123_456;
        require(JdbcContender.update(f.dataSource(), 1, s) == 1 && JdbcContender.findById(f.dataSource(), 1).salary() == s, "jdbc update");
        require(TemplateContender.update(f.jdbcTemplate(), 2, ++s) == 1 && JdbcContender.findById(f.dataSource(), 2).salary() == s, "JdbcTemplate update");
        require(jooq.update(3, ++s) == 1 && JdbcContender.findById(f.dataSource(), 3).salary() == s, "jOOQ update");
        require(jdbi.update(4, ++s) == 1 && JdbcContender.findById(f.dataSource(), 4).salary() == s, "Jdbi update");
        sd.update(sd.loaded.get(4), ++s);
        require(JdbcContender.findById(f.dataSource(), 5).salary() == s, "Spring Data update");
        ModelrepoContender.update(f.repository(), m.loaded.get(5), ++s);
        require(JdbcContender.findById(f.dataSource(), 6).salary() == s && m.loaded.get(5).<Integer>get("salary") == s, "modelrepo update");
    }

    static EmployeeRow row(Model e) {
        return new EmployeeRow(e.get("id", Long.class), e.get("department_id", Long.class), e.get("manager_id", Long.class),
                e.get("name"), e.get("email"), e.get("title"), e.get("salary", Integer.class),
                e.get("active", Boolean.class), e.get("hired_on", LocalDate.class), e.get("created_at", LocalDateTime.class));
    }

    static EmployeeRow row(SdjEmployee e) {
        return new EmployeeRow(e.id, e.departmentId, e.managerId, e.name, e.email, e.title, e.salary, e.active, e.hiredOn, e.createdAt);
    }

    static EmployeeWithDepartment joined(SdjEmployeeWithDepartment e) {
        return new EmployeeWithDepartment(new EmployeeRow(e.id, e.departmentId, e.managerId, e.name, e.email, e.title, e.salary, e.active,
                e.hiredOn, e.createdAt), new DepartmentRow(e.department.id, e.department.name, e.department.location));
    }

    static EmployeeWithDepartment joined(Employee e) {
        Department d = e.related("department");
        require(d != null, "modelrepo join: no department on " + e);
        return new EmployeeWithDepartment(row(e), new DepartmentRow(d.get("id", Long.class), d.get("name"), d.get("location")));
    }

    private static List<Integer> salaries(List<EmployeeRow> rows) {
        return rows.stream().map(EmployeeRow::salary).toList();
    }

    private static void same(String what, Object expected, Object actual) {
        require(expected.equals(actual), what + " differs:\n  expected " + expected + "\n  actual   " + actual);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("Sanity check failed: " + message);
        }
    }
}

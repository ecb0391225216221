package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.query.Q.and;
import static dev.modelrepo.query.Q.asc;
import static dev.modelrepo.query.Q.desc;
import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.ge;
import static dev.modelrepo.query.Q.gt;
import static dev.modelrepo.query.Q.inner;
import static dev.modelrepo.query.Q.param;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.jdbi.v3.core.Handles;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import dev.modelrepo.benchmarks.EmployeeRow;
import dev.modelrepo.benchmarks.peers.Rows.DepartmentRow;
import dev.modelrepo.benchmarks.peers.Rows.EmployeeWithDepartment;
import dev.modelrepo.benchmarks.peers.springdata.SdjBigEmployeeRepository;
import dev.modelrepo.benchmarks.peers.springdata.SdjEmployee;
import dev.modelrepo.benchmarks.peers.springdata.SdjEmployeeRepository;
import dev.modelrepo.benchmarks.peers.springdata.SdjEmployeeWithDepartment;
import dev.modelrepo.benchmarks.peers.springdata.SdjEmployeeWithDepartmentRepository;
import dev.modelrepo.benchmarks.peers.springdata.SpringDataConfig;
import dev.modelrepo.model.Model;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;

/**
 * Each contender's way of running the workloads, as JMH states that are set up only in the forks of the
 * benchmarks that use them (a Spring Data context is not started for a jOOQ benchmark). Every contender reads and
 * writes through the fixture's pool; single statements run in autocommit; cursors run in a Spring transaction
 * (CursorBenchmarks), which jOOQ and Jdbi join through a {@link TransactionAwareDataSourceProxy}.
 */
public final class Contenders {

    private Contenders() {
    }

    // ================================================================ hand-written JDBC (the baseline)

    /** A {@link PreparedStatement} per call on a pooled connection, mapped by column index. */
    static final class Jdbc {

        private Jdbc() {
        }

        static EmployeeRow findById(DataSource ds, long id) throws SQLException {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.FIND_BY_ID)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? EmployeeRow.map(rs) : null;
                }
            }
        }

        static List<EmployeeRow> list10(DataSource ds, long department, int minSalary) throws SQLException {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.LIST10)) {
                ps.setLong(1, department);
                ps.setInt(2, minSalary);
                try (ResultSet rs = ps.executeQuery()) {
                    List<EmployeeRow> rows = new ArrayList<>(10);
                    while (rs.next()) {
                        rows.add(EmployeeRow.map(rs));
                    }
                    return rows;
                }
            }
        }

        static List<EmployeeWithDepartment> join100(DataSource ds, long after) throws SQLException {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.JOIN100)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    List<EmployeeWithDepartment> rows = new ArrayList<>(Sql.PAGE);
                    while (rs.next()) {
                        rows.add(Rows.mapJoined(rs));
                    }
                    return rows;
                }
            }
        }

        /** Inserts a row and returns its generated id. */
        static long insert(DataSource ds, long department, int salary) throws SQLException {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.INSERT, new String[] { "id" })) {
                bindInsert(ps, department, salary);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }

        static void bindInsert(PreparedStatement ps, long department, int salary) throws SQLException {
            ps.setLong(1, department);
            ps.setLong(2, department);
            ps.setString(3, Sql.NEW_NAME);
            ps.setString(4, Sql.NEW_EMAIL);
            ps.setString(5, Sql.NEW_TITLE);
            ps.setInt(6, salary);
            ps.setBoolean(7, true);
            ps.setObject(8, Sql.NEW_HIRED_ON);
            ps.setObject(9, Sql.NEW_CREATED_AT);
        }

        static int update(DataSource ds, long id, int salary) throws SQLException {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.UPDATE)) {
                ps.setInt(1, salary);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        }
    }

    // ================================================================ Spring JdbcTemplate

    static final class Template {

        private Template() {
        }

        static EmployeeRow findById(JdbcTemplate t, long id) {
            return t.query(Sql.FIND_BY_ID, EmployeeRow.ROW_MAPPER, id).get(0);
        }

        static List<EmployeeRow> list10(JdbcTemplate t, long department, int minSalary) {
            return t.query(Sql.LIST10, EmployeeRow.ROW_MAPPER, department, minSalary);
        }

        static List<EmployeeWithDepartment> join100(JdbcTemplate t, long after) {
            return t.query(Sql.JOIN100, Rows.JOINED, after);
        }

        static long insert(JdbcTemplate t, long department, int salary) {
            KeyHolder keys = new GeneratedKeyHolder();
            t.update(c -> {
                PreparedStatement ps = c.prepareStatement(Sql.INSERT, new String[] { "id" });
                Jdbc.bindInsert(ps, department, salary);
                return ps;
            }, keys);
            return Objects.requireNonNull(keys.getKey()).longValue();
        }

        static int update(JdbcTemplate t, long id, int salary) {
            return t.update(Sql.UPDATE, salary, id);
        }
    }

    // ================================================================ jOOQ (DSL, no code generation)

    /** jOOQ 3.19 open source: the DSL over names and data types, a query built per call, records mapped by a lambda. */
    @State(Scope.Benchmark)
    public static class Jooq {

        static final Table<Record> EMPLOYEES = DSL.table(DSL.name("employees"));

        static final Table<Record> E = EMPLOYEES.as("e");

        static final Table<Record> D = DSL.table(DSL.name("departments")).as("d");

        static final Field<Long> ID = DSL.field(DSL.name("e", "id"), SQLDataType.BIGINT);
        static final Field<Long> DEPARTMENT_ID = DSL.field(DSL.name("e", "department_id"), SQLDataType.BIGINT);
        static final Field<Long> MANAGER_ID = DSL.field(DSL.name("e", "manager_id"), SQLDataType.BIGINT);
        static final Field<String> NAME = DSL.field(DSL.name("e", "name"), SQLDataType.VARCHAR);
        static final Field<String> EMAIL = DSL.field(DSL.name("e", "email"), SQLDataType.VARCHAR);
        static final Field<String> TITLE = DSL.field(DSL.name("e", "title"), SQLDataType.VARCHAR);
        static final Field<Integer> SALARY = DSL.field(DSL.name("e", "salary"), SQLDataType.INTEGER);
        static final Field<Boolean> ACTIVE = DSL.field(DSL.name("e", "active"), SQLDataType.BOOLEAN);
        static final Field<LocalDate> HIRED_ON = DSL.field(DSL.name("e", "hired_on"), SQLDataType.LOCALDATE);
        static final Field<LocalDateTime> CREATED_AT = DSL.field(DSL.name("e", "created_at"), SQLDataType.LOCALDATETIME);

        static final Field<Long> D_ID = DSL.field(DSL.name("d", "id"), SQLDataType.BIGINT);
        static final Field<String> D_NAME = DSL.field(DSL.name("d", "name"), SQLDataType.VARCHAR);
        static final Field<String> D_LOCATION = DSL.field(DSL.name("d", "location"), SQLDataType.VARCHAR);

        // unqualified, for INSERT and UPDATE
        static final Field<Long> W_ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
        static final Field<Long> W_DEPARTMENT_ID = DSL.field(DSL.name("department_id"), SQLDataType.BIGINT);
        static final Field<Long> W_MANAGER_ID = DSL.field(DSL.name("manager_id"), SQLDataType.BIGINT);
        static final Field<String> W_NAME = DSL.field(DSL.name("name"), SQLDataType.VARCHAR);
        static final Field<String> W_EMAIL = DSL.field(DSL.name("email"), SQLDataType.VARCHAR);
        static final Field<String> W_TITLE = DSL.field(DSL.name("title"), SQLDataType.VARCHAR);
        static final Field<Integer> W_SALARY = DSL.field(DSL.name("salary"), SQLDataType.INTEGER);
        static final Field<Boolean> W_ACTIVE = DSL.field(DSL.name("active"), SQLDataType.BOOLEAN);
        static final Field<LocalDate> W_HIRED_ON = DSL.field(DSL.name("hired_on"), SQLDataType.LOCALDATE);
        static final Field<LocalDateTime> W_CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.LOCALDATETIME);

        DSLContext dsl;

        @Setup(Level.Trial)
        public void start(Fixture fixture) {
            System.setProperty("org.jooq.no-logo", "true");
            System.setProperty("org.jooq.no-tips", "true");
            dsl = create(fixture.dataSource(), fixture.db());
        }

        /** Unquoted names (the tables were created unquoted: upper case on H2), no execute logging. */
        static DSLContext create(DataSource dataSource, Engine engine) {
            Settings settings = new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withExecuteLogging(false);
            return DSL.using(dataSource, engine == Engine.H2 ? SQLDialect.H2 : SQLDialect.POSTGRES, settings);
        }

        static EmployeeRow row(Record r) {
            return new EmployeeRow(r.get(ID), r.get(DEPARTMENT_ID), r.get(MANAGER_ID), r.get(NAME), r.get(EMAIL), r.get(TITLE),
                    r.get(SALARY), r.get(ACTIVE), r.get(HIRED_ON), r.get(CREATED_AT));
        }

        EmployeeRow findById(long id) {
            return dsl.select(ID, DEPARTMENT_ID, MANAGER_ID, NAME, EMAIL, TITLE, SALARY, ACTIVE, HIRED_ON, CREATED_AT)
                    .from(E).where(ID.eq(id)).fetchOne(Jooq::row);
        }

        List<EmployeeRow> list10(long department, int minSalary) {
            return dsl.select(ID, DEPARTMENT_ID, MANAGER_ID, NAME, EMAIL, TITLE, SALARY, ACTIVE, HIRED_ON, CREATED_AT)
                    .from(E).where(DEPARTMENT_ID.eq(department).and(SALARY.ge(minSalary)))
                    .orderBy(SALARY.desc()).limit(10).fetch(Jooq::row);
        }

        List<EmployeeWithDepartment> join100(long after) {
            return dsl.select(ID, DEPARTMENT_ID, MANAGER_ID, NAME, EMAIL, TITLE, SALARY, ACTIVE, HIRED_ON, CREATED_AT, D_ID, D_NAME, D_LOCATION)
                    .from(E).join(D).on(D_ID.eq(DEPARTMENT_ID))
                    .where(ID.gt(after)).orderBy(ID).limit(Sql.PAGE)
                    .fetch(r -> new EmployeeWithDepartment(row(r), new DepartmentRow(r.get(D_ID), r.get(D_NAME), r.get(D_LOCATION))));
        }

        long insert(long department, int salary) {
            Record1<Long> key = dsl.insertInto(EMPLOYEES, W_DEPARTMENT_ID, W_MANAGER_ID, W_NAME, W_EMAIL, W_TITLE, W_SALARY, W_ACTIVE,
                    W_HIRED_ON, W_CREATED_AT)
                    .values(department, department, Sql.NEW_NAME, Sql.NEW_EMAIL, Sql.NEW_TITLE, salary, true, Sql.NEW_HIRED_ON,
                            Sql.NEW_CREATED_AT)
                    .returningResult(W_ID).fetchOne();
            return Objects.requireNonNull(key).value1();
        }

        int update(long id, int salary) {
            return dsl.update(EMPLOYEES).set(W_SALARY, salary).where(W_ID.eq(id)).execute();
        }
    }

    // ================================================================ Jdbi

    /** Jdbi 3: a handle per call ({@code withHandle}), the hand-written row mapper. */
    @State(Scope.Benchmark)
    public static class Jdbi {

        static final org.jdbi.v3.core.mapper.RowMapper<EmployeeRow> EMPLOYEE = (rs, ctx) -> EmployeeRow.map(rs);

        static final org.jdbi.v3.core.mapper.RowMapper<EmployeeWithDepartment> JOINED = (rs, ctx) -> Rows.mapJoined(rs);

        org.jdbi.v3.core.Jdbi jdbi;

        @Setup(Level.Trial)
        public void start(Fixture fixture) {
            jdbi = org.jdbi.v3.core.Jdbi.create(fixture.dataSource());
        }

        /** Jdbi over the DataSource's Spring transaction (for cursors): its handles leave the transaction alone. */
        static org.jdbi.v3.core.Jdbi transactional(DataSource dataSource) {
            org.jdbi.v3.core.Jdbi jdbi = org.jdbi.v3.core.Jdbi.create(new TransactionAwareDataSourceProxy(dataSource));
            jdbi.getConfig(Handles.class).setForceEndTransactions(false);
            return jdbi;
        }

        EmployeeRow findById(long id) {
            return jdbi.withHandle(h -> h.createQuery(Sql.FIND_BY_ID).bind(0, id).map(EMPLOYEE).one());
        }

        List<EmployeeRow> list10(long department, int minSalary) {
            return jdbi.withHandle(h -> h.createQuery(Sql.LIST10).bind(0, department).bind(1, minSalary).map(EMPLOYEE).list());
        }

        List<EmployeeWithDepartment> join100(long after) {
            return jdbi.withHandle(h -> h.createQuery(Sql.JOIN100).bind(0, after).map(JOINED).list());
        }

        long insert(long department, int salary) {
            return jdbi.withHandle(h -> h.createUpdate(Sql.INSERT).bind(0, department).bind(1, department).bind(2, Sql.NEW_NAME)
                    .bind(3, Sql.NEW_EMAIL).bind(4, Sql.NEW_TITLE).bind(5, salary).bind(6, true).bind(7, Sql.NEW_HIRED_ON)
                    .bind(8, Sql.NEW_CREATED_AT).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        }

        int update(long id, int salary) {
            return jdbi.withHandle(h -> h.createUpdate(Sql.UPDATE).bind(0, salary).bind(1, id).execute());
        }
    }

    // ================================================================ Spring Data JDBC

    /**
     * Spring Data JDBC repositories in a small context ({@link SpringDataConfig}); the update benchmark saves
     * entities loaded in setup (Spring Data JDBC writes every column of an aggregate).
     */
    @State(Scope.Benchmark)
    public static class SpringData {

        AnnotationConfigApplicationContext context;

        SdjEmployeeRepository employees;

        SdjEmployeeWithDepartmentRepository joined;

        SdjBigEmployeeRepository big;

        /** Entities 1..{@value PeersBenchmarks#UPDATED_ROWS}, for the update benchmark. */
        final List<SdjEmployee> loaded = new ArrayList<>();

        @Setup(Level.Trial)
        public void start(Fixture fixture) {
            start(fixture.dataSource());
            employees.findAllById(PeersBenchmarks.updatedIds()).forEach(loaded::add);
            loaded.sort((a, b) -> Long.compare(a.id, b.id));
        }

        void start(DataSource dataSource) {
            context = SpringDataConfig.start(dataSource);
            employees = context.getBean(SdjEmployeeRepository.class);
            joined = context.getBean(SdjEmployeeWithDepartmentRepository.class);
            big = context.getBean(SdjBigEmployeeRepository.class);
        }

        /** The JdbcTemplate behind the repositories (the cursor benchmark sets its fetch size). */
        JdbcTemplate jdbcTemplate() {
            return (JdbcTemplate) context.getBean(NamedParameterJdbcOperations.class).getJdbcOperations();
        }

        @TearDown(Level.Trial)
        public void stop() {
            if (context != null) {
                context.close();
            }
        }

        SdjEmployee findById(long id) {
            return employees.findById(id).orElseThrow();
        }

        List<SdjEmployee> list10(long department, int minSalary) {
            return employees.findTop10ByDepartmentIdAndSalaryGreaterThanEqualOrderBySalaryDesc(department, minSalary);
        }

        List<SdjEmployeeWithDepartment> join100(long after) {
            return joined.page(after);
        }

        long insert(long department, int salary) {
            SdjEmployee e = new SdjEmployee(null, department, department, Sql.NEW_NAME, Sql.NEW_EMAIL, Sql.NEW_TITLE, salary, true,
                    Sql.NEW_HIRED_ON, Sql.NEW_CREATED_AT);
            return employees.save(e).id;
        }

        void update(SdjEmployee e, int salary) {
            e.salary = salary;
            employees.save(e);
        }
    }

    // ================================================================ modelrepo

    /** The queries modelrepo's reused-query benchmarks keep, and the models the update benchmark saves. */
    @State(Scope.Benchmark)
    public static class Modelrepo {

        ModelQuery<Employee> list10;

        ModelQuery<Employee> join100;

        final List<Employee> loaded = new ArrayList<>();

        @Setup(Level.Trial)
        public void start(Fixture fixture) {
            ModelRepository repo = fixture.repository();
            list10 = list10Query(repo);
            join100 = join100Query(repo);
            loaded.addAll(repo.list(repo.query(Employee.class, "e").where(dev.modelrepo.query.Q.le("e.id", PeersBenchmarks.UPDATED_ROWS))
                    .orderBy(asc("e.id")), Map.of()));
        }

        static ModelQuery<Employee> byIdQuery(ModelRepository repo) {
            return repo.query(Employee.class, "e").where(eq("e.id", param("id")));
        }

        static ModelQuery<Employee> list10Query(ModelRepository repo) {
            return repo.query(Employee.class, "e")
                    .where(and(eq("e.department_id", param("dept")), ge("e.salary", param("min"))))
                    .orderBy(desc("e.salary"))
                    .limit(10);
        }

        static ModelQuery<Employee> join100Query(ModelRepository repo) {
            return repo.query(Employee.class, "e")
                    .join(inner("department"))
                    .where(gt("e.id", param("after")))
                    .orderBy(asc("e.id"))
                    .limit(Sql.PAGE);
        }

        static long insert(ModelRepository repo, long department, int salary) {
            Employee e = repo.build(Employee.class, Map.of());
            e.set("department_id", department)
                    .set("manager_id", department)
                    .set("name", Sql.NEW_NAME)
                    .set("email", Sql.NEW_EMAIL)
                    .set("title", Sql.NEW_TITLE)
                    .set("salary", salary)
                    .set("active", true)
                    .set("hired_on", Sql.NEW_HIRED_ON)
                    .set("created_at", Sql.NEW_CREATED_AT);
            repo.save(e);
            return (Long) e.id();
        }

        static void update(ModelRepository repo, Model e, int salary) {
            e.set("salary", salary);
            repo.save(e);
        }
    }
}

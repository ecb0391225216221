package dev.modelrepo.benchmarks.peers;

import static dev.modelrepo.query.Q.and;
import static dev.modelrepo.query.Q.desc;
import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.ge;
import static dev.modelrepo.query.Q.gt;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

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

import dev.modelrepo.benchmarks.EmployeeRow;
import dev.modelrepo.benchmarks.peers.Rows.DepartmentRow;
import dev.modelrepo.benchmarks.peers.Rows.EmployeeWithDepartment;

/** jOOQ 3.19 open source: the DSL over names and data types, a query built per call, records mapped by a lambda. */
@State(Scope.Benchmark)
public class JooqContender {

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
                .from(E).where(ID.eq(id)).fetchOne(JooqContender::row);
    }

    List<EmployeeRow> list10(long department, int minSalary) {
        return dsl.select(ID, DEPARTMENT_ID, MANAGER_ID, NAME, EMAIL, TITLE, SALARY, ACTIVE, HIRED_ON, CREATED_AT)
                .from(E).where(DEPARTMENT_ID.eq(department).and(SALARY.ge(minSalary)))
                .orderBy(SALARY.desc()).limit(10).fetch(JooqContender::row);
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

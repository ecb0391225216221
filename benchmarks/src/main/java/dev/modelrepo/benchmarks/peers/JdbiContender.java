package dev.modelrepo.benchmarks.peers;

import java.util.List;

import javax.sql.DataSource;

import org.jdbi.v3.core.Handles;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import dev.modelrepo.benchmarks.EmployeeRow;
import dev.modelrepo.benchmarks.peers.Rows.EmployeeWithDepartment;

/** Jdbi 3: a handle per call ({@code withHandle}), the hand-written row mapper. */
@State(Scope.Benchmark)
public class JdbiContender {

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

package dev.modelrepo.benchmarks.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

import dev.modelrepo.benchmarks.peers.springdata.SdjBigEmployeeRepository;
import dev.modelrepo.benchmarks.peers.springdata.SdjEmployee;
import dev.modelrepo.benchmarks.peers.springdata.SdjEmployeeRepository;
import dev.modelrepo.benchmarks.peers.springdata.SdjEmployeeWithDepartment;
import dev.modelrepo.benchmarks.peers.springdata.SdjEmployeeWithDepartmentRepository;
import dev.modelrepo.benchmarks.peers.springdata.SpringDataConfig;

/**
 * Spring Data JDBC repositories in a small context ({@link SpringDataConfig}); the update benchmark saves
 * entities loaded in setup (Spring Data JDBC writes every column of an aggregate).
 */
@State(Scope.Benchmark)
public class SpringDataContender {

    AnnotationConfigApplicationContext context;

    SdjEmployeeRepository employees;

    SdjEmployeeWithDepartmentRepository joined;

    SdjBigEmployeeRepository big;

    /** Entities 1..{@value PeersBenchmarks#UPDATED_ROWS}, for the update benchmark. */
    final List<SdjEmployee> loaded = new ArrayList<>();

    @Setup(Level.Trial)
    public void start(Fixture fixture) {
        start(fixture.dataSource());
        employees.findAllById(updatedIds()).forEach(loaded::add);
        loaded.sort((a, b) -> Long.compare(a.id, b.id));
    }

    /** Ids 1..{@value PeersBenchmarks#UPDATED_ROWS}. */
    private static Iterable<Long> updatedIds() {
        return LongStream.rangeClosed(1, PeersBenchmarks.UPDATED_ROWS).boxed().toList();
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

package dev.modelrepo.benchmarks.peers.springdata;

import java.util.stream.Stream;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

public interface SdjBigEmployeeRepository extends Repository<SdjBigEmployee, Long> {

    /** Streams through JdbcTemplate's queryForStream (the fetch size is the JdbcTemplate's). */
    @Query("SELECT id, department_id, manager_id, name, email, title, salary, active, hired_on, created_at FROM employees_big")
    Stream<SdjBigEmployee> streamAll();
}

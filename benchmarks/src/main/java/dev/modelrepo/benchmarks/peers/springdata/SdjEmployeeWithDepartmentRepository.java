package dev.modelrepo.benchmarks.peers.springdata;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface SdjEmployeeWithDepartmentRepository extends Repository<SdjEmployeeWithDepartment, Long> {

    @Query("SELECT e.id, e.department_id, e.manager_id, e.name, e.email, e.title, e.salary, e.active, e.hired_on, e.created_at,"
            + " d.id AS dept_id, d.name AS dept_name, d.location AS dept_location"
            + " FROM employees e JOIN departments d ON d.id = e.department_id WHERE e.id > :after ORDER BY e.id LIMIT 100")
    List<SdjEmployeeWithDepartment> page(@Param("after") long after);
}

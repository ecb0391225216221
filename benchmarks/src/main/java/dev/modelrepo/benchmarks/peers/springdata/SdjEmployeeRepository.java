package dev.modelrepo.benchmarks.peers.springdata;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

public interface SdjEmployeeRepository extends CrudRepository<SdjEmployee, Long> {

    /** A derived query: department, salary floor, top 10 by salary descending. */
    List<SdjEmployee> findTop10ByDepartmentIdAndSalaryGreaterThanEqualOrderBySalaryDesc(long departmentId, int salary);
}

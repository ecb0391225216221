package dev.modelrepo.benchmarks.peers.springdata;

import org.springframework.data.repository.CrudRepository;

/** saveAll and deleteAllById over {@code employees_bulk}. */
public interface SdjBulkEmployeeRepository extends CrudRepository<SdjBulkEmployee, Long> {
}

package dev.modelrepo.benchmarks.peers.springdata;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The bulk benchmarks' rows as a Spring Data JDBC entity (a null id is generated on insert). */
@Table("employees_bulk")
public class SdjBulkEmployee {

    @Id
    public Long id;

    public long departmentId;

    public Long managerId;

    public String name;

    public String email;

    public String title;

    public int salary;

    public boolean active;

    public LocalDate hiredOn;

    public LocalDateTime createdAt;
}

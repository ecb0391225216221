package dev.modelrepo.benchmarks.peers.springdata;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A Spring Data JDBC aggregate over employees: mutable, field access, the default snake_case naming. */
@Table("employees")
public class SdjEmployee {

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

    public SdjEmployee() {
    }

    public SdjEmployee(Long id, long departmentId, Long managerId, String name, String email, String title, int salary,
            boolean active, LocalDate hiredOn, LocalDateTime createdAt) {
        this.id = id;
        this.departmentId = departmentId;
        this.managerId = managerId;
        this.name = name;
        this.email = email;
        this.title = title;
        this.salary = salary;
        this.active = active;
        this.hiredOn = hiredOn;
        this.createdAt = createdAt;
    }
}

package dev.modelrepo.benchmarks.peers.springdata;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The cursor benchmarks' rows as a Spring Data JDBC entity. */
@Table("employees_big")
public class SdjBigEmployee {

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

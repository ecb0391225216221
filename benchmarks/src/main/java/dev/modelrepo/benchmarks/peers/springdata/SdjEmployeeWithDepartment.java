package dev.modelrepo.benchmarks.peers.springdata;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A read model of an employee with its department. Spring Data JDBC has no many-to-one association (a department
 * is another aggregate), so the join is a {@code @Query} whose department columns ({@code dept_*}) map to an
 * embedded value.
 */
@Table("employees")
public class SdjEmployeeWithDepartment {

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

    @Embedded.Nullable(prefix = "dept_")
    public SdjDepartment department;

    /** The department part of the joined row. */
    public static class SdjDepartment {

        public Long id;

        public String name;

        public String location;
    }
}

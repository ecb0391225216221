package dev.modelrepo.benchmarks.peers;

import java.time.LocalDate;
import java.time.LocalDateTime;

import dev.modelrepo.benchmarks.EmployeeRow;

/** The SQL of the hand-written contenders (JDBC, JdbcTemplate, Jdbi) and the values every insert writes. */
final class Sql {

    private Sql() {
    }

    static final String FIND_BY_ID = "SELECT " + EmployeeRow.COLUMNS + " FROM employees WHERE id = ?";

    static final String LIST10 = "SELECT " + EmployeeRow.COLUMNS
            + " FROM employees WHERE department_id = ? AND salary >= ? ORDER BY salary DESC LIMIT 10";

    static final String JOIN100 = "SELECT e.id, e.department_id, e.manager_id, e.name, e.email, e.title, e.salary, e.active,"
            + " e.hired_on, e.created_at, d.id, d.name, d.location"
            + " FROM employees e JOIN departments d ON d.id = e.department_id WHERE e.id > ? ORDER BY e.id LIMIT 100";

    static final String INSERT = "INSERT INTO employees (department_id, manager_id, name, email, title, salary, active, hired_on,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String UPDATE = "UPDATE employees SET salary = ? WHERE id = ?";

    static final String CURSOR = "SELECT " + EmployeeRow.COLUMNS + " FROM employees_big";

    /** The 100-row page of the join benchmark: rows with ids after this. */
    static final int PAGE = 100;

    // the values of an inserted row besides its department, manager and salary
    static final String NEW_NAME = "New Employee";

    static final String NEW_EMAIL = "new.employee@example.com";

    static final String NEW_TITLE = "Engineer";

    static final LocalDate NEW_HIRED_ON = LocalDate.of(2025, 11, 21);

    static final LocalDateTime NEW_CREATED_AT = LocalDateTime.of(2025, 11, 21, 9, 30, 15);
}

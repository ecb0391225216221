package dev.modelrepo.benchmarks.peers;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.RowMapper;

import dev.modelrepo.benchmarks.EmployeeRow;

/** The hand-written rows of the baseline (and of JdbcTemplate and Jdbi, which map with the same code). */
public final class Rows {

    private Rows() {
    }

    public record DepartmentRow(long id, String name, String location) {
    }

    /** An employee and its department, read from one joined row. */
    public record EmployeeWithDepartment(EmployeeRow employee, DepartmentRow department) {
    }

    /** Employee columns 1..10 ({@link EmployeeRow#COLUMNS} with the alias e), then the department's id, name, location. */
    public static EmployeeWithDepartment mapJoined(ResultSet rs) throws SQLException {
        return new EmployeeWithDepartment(EmployeeRow.map(rs), new DepartmentRow(rs.getLong(11), rs.getString(12), rs.getString(13)));
    }

    public static final RowMapper<EmployeeWithDepartment> JOINED = (rs, rowNum) -> mapJoined(rs);
}

package dev.modelrepo.benchmarks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.jdbc.core.RowMapper;

/**
 * The hand-written baseline's row: a record mapped by column index, reading each column the way modelrepo's
 * H2 dialect does ({@code getLong}/{@code getInt}/{@code getBoolean}/{@code getString}, {@code java.time}
 * through {@code getObject}), so the comparison measures the library, not a different JDBC read path.
 */
public record EmployeeRow(long id, long departmentId, Long managerId, String name, String email, String title,
        int salary, boolean active, LocalDate hiredOn, LocalDateTime createdAt) {

    /** The selected columns, in the order {@link #map} reads them. */
    public static final String COLUMNS = "id, department_id, manager_id, name, email, title, salary, active, hired_on, created_at";

    public static EmployeeRow map(ResultSet rs) throws SQLException {
        long managerId = rs.getLong(3);
        Long manager = managerId == 0 && rs.wasNull() ? null : managerId;
        return new EmployeeRow(rs.getLong(1), rs.getLong(2), manager, rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getBoolean(8), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDateTime.class));
    }

    /** The same mapping as JdbcTemplate's {@code RowMapper}. */
    public static final RowMapper<EmployeeRow> ROW_MAPPER = (rs, rowNum) -> map(rs);
}

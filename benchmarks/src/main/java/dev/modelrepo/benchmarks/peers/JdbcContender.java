package dev.modelrepo.benchmarks.peers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.modelrepo.benchmarks.EmployeeRow;
import dev.modelrepo.benchmarks.peers.Rows.EmployeeWithDepartment;

/** A {@link PreparedStatement} per call on a pooled connection, mapped by column index. */
final class JdbcContender {

    private JdbcContender() {
    }

    static EmployeeRow findById(DataSource ds, long id) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.FIND_BY_ID)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? EmployeeRow.map(rs) : null;
            }
        }
    }

    static List<EmployeeRow> list10(DataSource ds, long department, int minSalary) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.LIST10)) {
            ps.setLong(1, department);
            ps.setInt(2, minSalary);
            try (ResultSet rs = ps.executeQuery()) {
                List<EmployeeRow> rows = new ArrayList<>(10);
                while (rs.next()) {
                    rows.add(EmployeeRow.map(rs));
                }
                return rows;
            }
        }
    }

    static List<EmployeeWithDepartment> join100(DataSource ds, long after) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.JOIN100)) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                List<EmployeeWithDepartment> rows = new ArrayList<>(Sql.PAGE);
                while (rs.next()) {
                    rows.add(Rows.mapJoined(rs));
                }
                return rows;
            }
        }
    }

    /** Inserts a row and returns its generated id. */
    static long insert(DataSource ds, long department, int salary) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.INSERT, new String[] { "id" })) {
            bindInsert(ps, department, salary);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void bindInsert(PreparedStatement ps, long department, int salary) throws SQLException {
        ps.setLong(1, department);
        ps.setLong(2, department);
        ps.setString(3, Sql.NEW_NAME);
        ps.setString(4, Sql.NEW_EMAIL);
        ps.setString(5, Sql.NEW_TITLE);
        ps.setInt(6, salary);
        ps.setBoolean(7, true);
        ps.setObject(8, Sql.NEW_HIRED_ON);
        ps.setObject(9, Sql.NEW_CREATED_AT);
    }

    static int update(DataSource ds, long id, int salary) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(Sql.UPDATE)) {
            ps.setInt(1, salary);
            ps.setLong(2, id);
            return ps.executeUpdate();
        }
    }
}

package dev.modelrepo.benchmarks.peers;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import dev.modelrepo.benchmarks.EmployeeRow;
import dev.modelrepo.benchmarks.peers.Rows.EmployeeWithDepartment;

/** Spring's {@link JdbcTemplate}: the same SQL as {@link JdbcContender}, mapped by the hand-written row mappers. */
final class TemplateContender {

    private TemplateContender() {
    }

    static EmployeeRow findById(JdbcTemplate t, long id) {
        return t.query(Sql.FIND_BY_ID, EmployeeRow.ROW_MAPPER, id).get(0);
    }

    static List<EmployeeRow> list10(JdbcTemplate t, long department, int minSalary) {
        return t.query(Sql.LIST10, EmployeeRow.ROW_MAPPER, department, minSalary);
    }

    static List<EmployeeWithDepartment> join100(JdbcTemplate t, long after) {
        return t.query(Sql.JOIN100, Rows.JOINED, after);
    }

    static long insert(JdbcTemplate t, long department, int salary) {
        KeyHolder keys = new GeneratedKeyHolder();
        t.update(c -> {
            PreparedStatement ps = c.prepareStatement(Sql.INSERT, new String[] { "id" });
            JdbcContender.bindInsert(ps, department, salary);
            return ps;
        }, keys);
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    static int update(JdbcTemplate t, long id, int salary) {
        return t.update(Sql.UPDATE, salary, id);
    }
}

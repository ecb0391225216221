package dev.modelrepo.benchmarks.peers;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import dev.modelrepo.benchmarks.peers.springdata.SdjBulkEmployee;

/** One row's values of the bulk table besides its id, and the values every fork of {@link BulkBenchmarks} writes. */
record BulkRow(long departmentId, Long managerId, String name, String email, String title, int salary, boolean active,
        LocalDate hiredOn, LocalDateTime createdAt) {

    /** Row {@code i} (1-based): the same values in every fork. */
    static BulkRow row(int i) {
        long department = (i - 1) % Fixture.DEPARTMENTS + 1;
        return new BulkRow(department, i <= Fixture.DEPARTMENTS ? null : department, "Bulk " + i, "bulk" + i + "@example.com",
                Fixture.TITLES[i % Fixture.TITLES.length], Fixture.MIN_SALARY + (i * 7_919) % 170_000, i % 10 != 0,
                LocalDate.of(2015, 1, 1).plusDays(i % 3_650), LocalDateTime.of(2020, 1, 1, 9, 0).plusSeconds(i * 104_729L % 150_000_000));
    }

    /** The salary row {@code id} gets in update shot {@code shot}. */
    static int salary(long id, int shot) {
        return Fixture.MIN_SALARY + (int) ((id * 31 + shot * 977L) % 170_000);
    }

    static String title(long id, int shot) {
        return Fixture.TITLES[(int) ((id + shot) % (Fixture.TITLES.length - 1))];
    }

    /** The SQL {@code WHEN k THEN 'title'} cases of {@link #title(long, int)}, by {@code (id + shot) % (titles - 1)}. */
    static String titleCases() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Fixture.TITLES.length - 1; i++) {
            sb.append(" WHEN ").append(i).append(" THEN '").append(Fixture.TITLES[i]).append('\'');
        }
        return sb.toString();
    }

    /** Binds the row's 9 values after {@code offset}, in the order of {@link BulkTable#COLUMNS}; returns the last index. */
    static int bind(PreparedStatement ps, int offset, BulkRow r) throws SQLException {
        ps.setLong(offset + 1, r.departmentId());
        if (r.managerId() == null) {
            ps.setNull(offset + 2, java.sql.Types.BIGINT);
        }
        else {
            ps.setLong(offset + 2, r.managerId());
        }
        ps.setString(offset + 3, r.name());
        ps.setString(offset + 4, r.email());
        ps.setString(offset + 5, r.title());
        ps.setInt(offset + 6, r.salary());
        ps.setBoolean(offset + 7, r.active());
        ps.setObject(offset + 8, r.hiredOn());
        ps.setObject(offset + 9, r.createdAt());
        return offset + 9;
    }

    Map<String, Object> map() {
        Map<String, Object> m = new HashMap<>(16);
        m.put("department_id", departmentId);
        m.put("manager_id", managerId);
        m.put("name", name);
        m.put("email", email);
        m.put("title", title);
        m.put("salary", salary);
        m.put("active", active);
        m.put("hired_on", hiredOn);
        m.put("created_at", createdAt);
        return m;
    }

    SdjBulkEmployee entity(Long id) {
        SdjBulkEmployee e = new SdjBulkEmployee();
        e.id = id;
        e.departmentId = departmentId;
        e.managerId = managerId;
        e.name = name;
        e.email = email;
        e.title = title;
        e.salary = salary;
        e.active = active;
        e.hiredOn = hiredOn;
        e.createdAt = createdAt;
        return e;
    }

    /** Row {@code id}'s entity with the salary and title of update shot {@code shot}. */
    SdjBulkEmployee updated(long id, int shot) {
        SdjBulkEmployee e = entity(id);
        e.salary = salary(id, shot);
        e.title = title(id, shot);
        return e;
    }
}

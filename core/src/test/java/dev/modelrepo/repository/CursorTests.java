package dev.modelrepo.repository;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** Cursors on every engine: order, batches, connections released, and the MySQL/MariaDB write guard. */
@Changelog("db/changelog/test-schema.xml")
class CursorTests {

    private static final String TAG = "cursor-row";

    private static ModelRepository repo(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM employees WHERE email = '" + TAG + "'")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO employees (name, email, salary, active) VALUES (?, ?, ?, ?)")) {
                        for (int i = 0; i < 2500; i++) {
                            ps.setString(1, String.format("e%05d", i));
                            ps.setString(2, TAG);
                            ps.setInt(3, i);
                            ps.setBoolean(4, true);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
            }
        }
        return ModelRepository.create(db.dataSource());
    }

    private static ModelQuery<Employee> rows() {
        return ModelQuery.from(Employee.class, "e").where(eq("e.email", TAG)).orderBy(asc("e.salary"));
    }

    private static int active(TestDatabase db) {
        return ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections();
    }

    @EngineTest
    void streamReadsEveryRowInOrderAndReleasesTheConnection(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        long sum;
        List<Integer> firstFive;
        try (Stream<Employee> s = repo.stream(rows(), Map.of(), 100)) {
            List<Employee> all = s.toList();
            sum = all.stream().mapToLong(e -> e.get("salary", Integer.class)).sum();
            firstFive = all.stream().limit(5).map(e -> e.get("salary", Integer.class)).toList();
            assertThat(all).hasSize(2500);
        }
        assertThat(sum).isEqualTo(2499L * 2500 / 2);
        assertThat(firstFive).containsExactly(0, 1, 2, 3, 4);
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void aStreamClosedEarlyReleasesTheConnection(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        try (Stream<Employee> s = repo.stream(rows(), Map.of(), 10)) {
            assertThat(s.limit(3).map(e -> e.get("salary", Integer.class)).toList()).containsExactly(0, 1, 2);
            assertThat(active(db)).isEqualTo(1);
        }
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void forEachBatchHandsOutBatchesAndReleasesWhenTheConsumerThrows(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        List<Integer> sizes = new ArrayList<>();
        repo.forEachBatch(rows(), Map.of(), 1000, batch -> sizes.add(batch.size()));
        assertThat(sizes).containsExactly(1000, 1000, 500);
        assertThatThrownBy(() -> repo.forEachBatch(rows(), Map.of(), 100, batch -> {
            throw new IllegalStateException("consumer failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void streamsInsideASpringTransactionUseItsConnection(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        var tx = new TransactionTemplate(new JdbcTransactionManager(db.dataSource()));
        Long count = tx.execute(status -> {
            try (Stream<Employee> s = repo.stream(rows(), Map.of())) {
                return s.count();
            }
        });
        assertThat(count).isEqualTo(2500);
        assertThat(active(db)).isZero();
    }

    @EngineTest(engines = { Engine.MARIADB, Engine.MYSQL })
    void aWriteOnTheStreamsConnectionFailsClearly(TestDatabase db) throws SQLException {
        ModelRepository repo = repo(db);
        var tx = new TransactionTemplate(new JdbcTransactionManager(db.dataSource()));
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            try (Stream<Employee> s = repo.stream(rows(), Map.of())) {
                Employee first = s.iterator().next();
                first.set("salary", -1);
                repo.save(first);
            }
        })).isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("stream is open");
        assertThat(active(db)).isZero();
    }
}

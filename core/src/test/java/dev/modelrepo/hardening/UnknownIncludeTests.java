package dev.modelrepo.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.lock.LockOptions;
import dev.modelrepo.model.UnknownRelationException;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * An unknown relation in {@code include(...)}, at the first level or deeper in a path, fails on every read that
 * loads includes before any SQL is sent (the parent SELECT included), naming the model, the relation and the
 * relations that exist.
 */
@Changelog("db/changelog/test-schema.xml")
class UnknownIncludeTests {

    private record Case(String what, ThrowingCallable call) {
    }

    /** Rows in every table, so that a parent SELECT run before the check would find parents to load children for. */
    private static void seed(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM employees");
            s.execute("DELETE FROM departments");
            s.execute("DELETE FROM companies");
            s.execute("INSERT INTO companies (id, name) VALUES (1, 'Acme')");
            s.execute("INSERT INTO departments (id, company_id, name) VALUES (1, 1, 'Sales')");
        }
    }

    private static List<Case> cases(ModelRepository repo, TestDatabase db, ModelQuery<Department> q) {
        TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(repo.dataSource()));
        LockOptions lock = db.engine() == Engine.SQLITE ? LockOptions.immediate() : LockOptions.forUpdate();
        return List.of(
                new Case("list", () -> repo.list(q, Map.of())),
                new Case("first", () -> repo.first(q, Map.of())),
                new Case("stream", () -> {
                    try (var s = repo.stream(q, Map.of())) {
                        s.count();
                    }
                }),
                new Case("forEachBatch", () -> repo.forEachBatch(q, Map.of(), 10, batch -> { })),
                new Case("withLocked", () -> repo.locks().withLocked(q, Map.of(), lock, Function.identity())),
                new Case("withLocked in a transaction", () -> tx.executeWithoutResult(status -> repo.locks().withLocked(q, Map.of(), lock,
                        Function.identity()))));
    }

    private static List<String> problems(TestDatabase db, Function<ModelQuery<Department>, ModelQuery<Department>> include,
            List<String> mentions) throws SQLException {
        seed(db);
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.create(counting);
        List<String> problems = new ArrayList<>();
        for (Case c : cases(repo, db, include.apply(repo.query(Department.class, "d")))) {
            counting.reset();
            Throwable thrown = catchThrowable(c.call());
            if (!(thrown instanceof UnknownRelationException) || !mentions.stream().allMatch(thrown.getMessage()::contains)) {
                problems.add(c.what() + ": " + thrown);
            }
            if (!counting.statements().isEmpty()) {
                problems.add(c.what() + " sent " + counting.statements());
            }
        }
        assertThat(((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections()).isZero();
        return problems;
    }

    @EngineTest
    void anUnknownRelationFailsBeforeAnySql(TestDatabase db) throws SQLException {
        assertThat(problems(db, q -> q.include("nope"), List.of("Department", "'nope'", "company", "employees"))).isEmpty();
    }

    @EngineTest
    void anUnknownRelationDeeperInAPathFailsBeforeAnySql(TestDatabase db) throws SQLException {
        assertThat(problems(db, q -> q.include("employees.nope"), List.of("Employee", "'nope'", "department", "employees.nope")))
                .isEmpty();
    }

    @EngineTest
    void aKnownIncludeStillLoads(TestDatabase db) throws SQLException {
        seed(db);
        CountingDataSource counting = new CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.create(counting);
        List<Department> departments = repo.list(repo.query(Department.class, "d").include("company", "employees"), Map.of());
        assertThat(departments).hasSize(1);
        assertThat(departments.get(0).related("company").get("name", String.class)).isEqualTo("Acme");
        assertThat(departments.get(0).relatedList("employees")).isEmpty();
        assertThat(counting.statements()).hasSize(3);
    }
}

package dev.modelrepo.repository;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/**
 * Streams and batches fill the belongs-to relations of their joins and load {@code include(...)} per chunk of rows
 * (one query per relation level and chunk, never per row), in constant memory, on every engine.
 */
@Changelog("db/changelog/test-schema.xml")
class StreamRelationsTests {

    private record Fixture(ModelRepository repo, CountingDataSource counter, String tag) {
    }

    /** Two companies; company c has 3 departments of 2 employees each (12 employees, 6 departments). */
    private static Fixture fixture(TestDatabase db) {
        CountingDataSource counter = new CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.create(counter);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        for (int c = 0; c < 2; c++) {
            Company company = repo.build(Company.class, Map.of("name", tag + "-c" + c));
            repo.save(company);
            for (int d = 0; d < 3; d++) {
                Department dept = repo.build(Department.class, Map.of("name", tag + "-c" + c + "d" + d, "company_id", company.id()));
                repo.save(dept);
                for (int e = 0; e < 2; e++) {
                    repo.save(repo.build(Employee.class, Map.of("name", tag + "-c" + c + "d" + d + "e" + e, "department_id", dept.id(),
                            "salary", 100 * (e + 1))));
                }
            }
        }
        counter.reset();
        return new Fixture(repo, counter, tag);
    }

    private static ModelQuery<Employee> employees(String tag) {
        return ModelQuery.from(Employee.class, "e").where(startsWith("e.name", tag)).orderBy(asc("e.name"));
    }

    private static int active(TestDatabase db) {
        return ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().getActiveConnections();
    }

    @EngineTest
    void aStreamFillsTheBelongsToRelationsOfItsJoins(TestDatabase db) {
        Fixture f = fixture(db);
        var q = employees(f.tag()).join(inner("department")).join(inner("company").through("department"));
        List<Employee> listed = f.repo().list(q, Map.of());
        List<Employee> streamed;
        try (Stream<Employee> s = f.repo().stream(q, Map.of(), 5)) {
            streamed = s.toList();
        }
        assertThat(streamed).hasSize(12);
        for (int i = 0; i < streamed.size(); i++) {
            Department d = streamed.get(i).related("department");
            assertThat(d).isNotNull();
            assertThat(d.id()).isEqualTo(listed.get(i).<Department>related("department").id());
            assertThat(d.<Company>related("company").get("name", String.class)).isEqualTo(f.tag() + "-c" + (i / 6));
        }
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void aLeftJoinedRelationWithoutARowIsNullInAStream(TestDatabase db) {
        Fixture f = fixture(db);
        f.repo().save(f.repo().build(Employee.class, Map.of("name", f.tag() + "-zz-nobody")));
        try (Stream<Employee> s = f.repo().stream(employees(f.tag()).join(left("department")), Map.of())) {
            List<Employee> all = s.toList();
            assertThat(all).hasSize(13);
            assertThat(all.get(12).<Department>related("department")).isNull();
            assertThat(all.get(0).<Department>related("department")).isNotNull();
        }
    }

    /** 12 employees in chunks of 5: their departments (and those departments' companies) load per chunk. */
    @EngineTest
    void aStreamLoadsIncludesPerChunkOfRows(TestDatabase db) {
        Fixture f = fixture(db);
        List<Employee> streamed = new ArrayList<>();
        try (Stream<Employee> s = f.repo().stream(employees(f.tag()).include("department.company"), Map.of(), 5)) {
            s.forEach(streamed::add);
        }
        assertThat(streamed).hasSize(12).allSatisfy(e -> {
            Department d = e.related("department");
            assertThat(d.id()).isEqualTo(e.get("department_id", Long.class));
            assertThat(d.<Company>related("company").id()).isEqualTo(d.get("company_id", Long.class));
        });
        // the stream's SELECT, then per chunk (5, 5, 2) one query for departments and one for companies
        assertThat(f.counter().statements()).hasSize(1 + 3 * 2);
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void aStreamOfParentsLoadsTheirChildrenPerChunk(TestDatabase db) {
        Fixture f = fixture(db);
        var q = ModelQuery.from(Department.class, "d").where(startsWith("d.name", f.tag())).orderBy(asc("d.name")).include("employees");
        try (Stream<Department> s = f.repo().stream(q, Map.of(), 4)) {
            List<Department> all = s.toList();
            assertThat(all).hasSize(6).allSatisfy(d -> assertThat(d.<Employee>relatedList("employees")).hasSize(2)
                    .allSatisfy(e -> assertThat(e.get("department_id", Long.class)).isEqualTo(d.id())));
        }
        assertThat(f.counter().statements()).hasSize(1 + 2);
    }

    @EngineTest
    void aStreamClosedEarlyLoadsOnlyTheChunksItRead(TestDatabase db) {
        Fixture f = fixture(db);
        try (Stream<Employee> s = f.repo().stream(employees(f.tag()).include("department"), Map.of(), 5)) {
            assertThat(s.limit(3).map(e -> e.<Department>related("department")).toList()).doesNotContainNull();
        }
        assertThat(f.counter().statements()).hasSize(2);
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void forEachBatchFillsJoinsAndLoadsIncludesPerBatch(TestDatabase db) {
        Fixture f = fixture(db);
        List<Integer> sizes = new ArrayList<>();
        f.repo().forEachBatch(employees(f.tag()).join(inner("department")).include("department.company"), Map.of(), 5, batch -> {
            sizes.add(batch.size());
            assertThat(batch).allSatisfy(e -> {
                assertThat(e.<Department>related("department").id()).isEqualTo(e.get("department_id", Long.class));
                assertThat(e.<Department>related("department").<Company>related("company")).isNotNull();
            });
        });
        assertThat(sizes).containsExactly(5, 5, 2);
        assertThat(f.counter().statements()).hasSize(1 + 3 * 2);
        assertThat(active(db)).isZero();
    }

    @EngineTest(engines = { Engine.H2, Engine.SQLITE, Engine.POSTGRESQL })
    void insideATransactionIncludesLoadOnItsConnectionWhileTheStreamIsOpen(TestDatabase db) {
        Fixture f = fixture(db);
        var tx = new TransactionTemplate(new JdbcTransactionManager(db.dataSource()));
        Integer loaded = tx.execute(status -> {
            try (Stream<Employee> s = f.repo().stream(employees(f.tag()).include("department"), Map.of(), 5)) {
                return (int) s.filter(e -> e.related("department") != null).count();
            }
        });
        assertThat(loaded).isEqualTo(12);
        assertThat(active(db)).isZero();
    }

    /** MySQL/MariaDB cannot run the include's query on the transaction's connection while the stream is open. */
    @EngineTest(engines = { Engine.MARIADB, Engine.MYSQL })
    void insideATransactionAnIncludeOnABlockingEngineIsRefusedBeforeAnySql(TestDatabase db) {
        Fixture f = fixture(db);
        var tx = new TransactionTemplate(new JdbcTransactionManager(db.dataSource()));
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            try (Stream<Employee> s = f.repo().stream(employees(f.tag()).include("department"), Map.of(), 5)) {
                s.count();
            }
        })).isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("include")
                .hasMessageContaining("outside the transaction");
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> f.repo().forEachBatch(employees(f.tag()).include("department"),
                Map.of(), 5, batch -> { }))).isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("include");
        assertThat(f.counter().statements()).isEmpty();
        // outside a transaction the stream has a connection of its own, and the includes load on others
        try (Stream<Employee> s = f.repo().stream(employees(f.tag()).include("department"), Map.of(), 5)) {
            assertThat(s.filter(e -> e.related("department") != null).count()).isEqualTo(12);
        }
        assertThat(active(db)).isZero();
    }

    @EngineTest
    void aHasManyJoinInAStreamIsRefusedWithTheWayToIncludeInstead(TestDatabase db) {
        Fixture f = fixture(db);
        var q = ModelQuery.from(Department.class, "d").join(inner("employees"));
        assertThatThrownBy(() -> {
            try (Stream<Department> s = f.repo().stream(q, Map.of())) {
                s.count();
            }
        }).isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("include(");
        assertThat(f.counter().statements()).isEmpty();
        assertThat(active(db)).isZero();
    }
}

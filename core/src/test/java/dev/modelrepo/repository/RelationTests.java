package dev.modelrepo.repository;

import static dev.modelrepo.query.Q.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.modelrepo.fixtures.Company;
import dev.modelrepo.fixtures.CountingDataSource;
import dev.modelrepo.fixtures.Department;
import dev.modelrepo.fixtures.Employee;
import dev.modelrepo.model.UnknownRelationException;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.test.Changelog;
import dev.modelrepo.test.EngineTest;
import dev.modelrepo.test.TestDatabase;

/** Joins that load relations and eager loading without N+1, on every engine. */
@Changelog("db/changelog/test-schema.xml")
class RelationTests {

    private record Fixture(ModelRepository repo, CountingDataSource counter, String tag) {
    }

    /** Three companies with 0, 1 and 3 departments; department i has i employees. */
    private static Fixture fixture(TestDatabase db) {
        CountingDataSource counter = new CountingDataSource(db.dataSource());
        ModelRepository repo = ModelRepository.create(counter);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int[] departmentsPerCompany = { 0, 1, 3 };
        for (int c = 0; c < 3; c++) {
            Company company = repo.build(Company.class, Map.of("name", tag + "-c" + c));
            repo.save(company);
            for (int d = 0; d < departmentsPerCompany[c]; d++) {
                Department dept = repo.build(Department.class, Map.of("name", tag + "-c" + c + "d" + d, "company_id", company.id()));
                repo.save(dept);
                for (int e = 0; e < d + 1; e++) {
                    repo.save(repo.build(Employee.class, Map.of("name", tag + "-c" + c + "d" + d + "e" + e, "department_id", dept.id(),
                            "salary", 1000 * (e + 1))));
                }
            }
        }
        counter.reset();
        return new Fixture(repo, counter, tag);
    }

    private static ModelQuery<Company> companies(String tag) {
        return ModelQuery.from(Company.class, "c").where(startsWith("c.name", tag)).orderBy(asc("c.name"));
    }

    @EngineTest
    void includeLoadsEachLevelWithOneQuery(TestDatabase db) {
        Fixture f = fixture(db);
        List<Company> loaded = f.repo().list(companies(f.tag()).include("departments.employees"), Map.of());
        assertThat(f.counter().statements()).hasSize(3);
        assertThat(loaded).hasSize(3);
        assertThat(loaded.get(0).<Department>relatedList("departments")).isEmpty();
        assertThat(loaded.get(1).<Department>relatedList("departments")).hasSize(1);
        List<Department> third = loaded.get(2).relatedList("departments");
        assertThat(third).extracting(d -> d.get("name", String.class)).containsExactly(f.tag() + "-c2d0", f.tag() + "-c2d1", f.tag() + "-c2d2");
        assertThat(third.get(2).<Employee>relatedList("employees")).hasSize(3).allSatisfy(e -> assertThat(e.<Object>get("department_id"))
                .isEqualTo(third.get(2).id()));
    }

    /**
     * 70,000 parents: one query for them and one per chunk of keys, a chunk being all keys where the list is one
     * array (PostgreSQL), half the engine's bind limit where it is a padded list (SQLite 16,383, MariaDB 32,767), and
     * 128 keys on H2 (a long array can make H2 scan the table comparing every row with every key: 46 s for 30,000).
     */
    @EngineTest
    void includeOfManyParentsIsChunkedWithinTheEnginesBindLimit(TestDatabase db) {
        Fixture f = fixture(db);
        int parents = 70_000;
        Company company = f.repo().build(Company.class, Map.of("name", f.tag() + "-many"));
        f.repo().save(company);
        List<Map<String, Object>> departments = new java.util.ArrayList<>();
        for (int i = 0; i < parents; i++) {
            departments.add(Map.of("name", f.tag() + "-many-" + i, "company_id", company.id()));
        }
        f.repo().bulk().insertBulk(Department.class, List.of("name", "company_id"), departments);
        ModelQuery<Department> many = ModelQuery.from(Department.class, "d").where(eq("d.company_id", company.id()));
        List<Map<String, Object>> employees = new java.util.ArrayList<>();
        for (Department d : f.repo().list(many, Map.of())) {
            employees.add(Map.of("name", "e-" + d.get("name"), "department_id", d.id(), "salary", 1));
        }
        f.repo().bulk().insertBulk(Employee.class, List.of("name", "department_id", "salary"), employees);
        f.counter().reset();
        List<Department> loaded = f.repo().list(many.include("employees"), Map.of());
        var dialect = f.repo().dialect();
        int chunk = dialect.inListStrategy() == dev.modelrepo.dialect.InListStrategy.ARRAY ? Integer.MAX_VALUE
                : dialect.bulk().maxBindParameters() / 2;
        chunk = Math.min(chunk, dialect.inLists().keysPerStatement());
        assertThat(chunk).isEqualTo(switch (dialect.name()) {
            case "h2" -> 128;
            case "sqlite" -> 16_383;
            case "mariadb", "mysql" -> 32_767;
            default -> Integer.MAX_VALUE;
        });
        int expected = 1 + (chunk >= parents ? 1 : (parents + chunk - 1) / chunk);
        assertThat(f.counter().statements()).hasSize(expected);
        assertThat(loaded).hasSize(parents).allSatisfy(d -> assertThat(d.<Employee>relatedList("employees")).singleElement()
                .satisfies(e -> assertThat(e.<Object>get("name")).isEqualTo("e-" + d.get("name"))));
    }

    @EngineTest
    void includeOfABelongsToRelationLoadsOwnersOnce(TestDatabase db) {
        Fixture f = fixture(db);
        var q = ModelQuery.from(Employee.class, "e").where(startsWith("e.name", f.tag())).include("department.company").orderBy(asc("e.id"));
        List<Employee> employees = f.repo().list(q, Map.of());
        assertThat(employees).hasSize(7);
        assertThat(f.counter().statements()).hasSize(3);
        Department dept = employees.get(6).related("department");
        assertThat(dept.<Company>related("company").get("name", String.class)).isEqualTo(f.tag() + "-c2");
    }

    @EngineTest
    void aHasManyJoinMergesParentsAndLimitCountsParents(TestDatabase db) {
        Fixture f = fixture(db);
        var q = ModelQuery.from(Department.class, "d").join(inner("employees")).where(startsWith("d.name", f.tag()))
                .orderBy(desc("d.name")).limit(2);
        List<Department> page = f.repo().list(q, Map.of());
        assertThat(f.counter().statements()).hasSize(1);
        assertThat(page).extracting(d -> d.get("name", String.class)).containsExactly(f.tag() + "-c2d2", f.tag() + "-c2d1");
        assertThat(page.get(0).<Employee>relatedList("employees")).hasSize(3);
        assertThat(page.get(1).<Employee>relatedList("employees")).hasSize(2);
        assertThat(f.repo().count(q, Map.of())).isEqualTo(4);
        Department first = f.repo().first(q, Map.of()).orElseThrow();
        assertThat(first.<Employee>relatedList("employees")).hasSize(3);
    }

    @EngineTest
    void aLeftHasManyJoinKeepsParentsWithoutChildren(TestDatabase db) {
        Fixture f = fixture(db);
        var q = companies(f.tag()).join(left("departments"));
        List<Company> all = f.repo().list(q, Map.of());
        assertThat(all).hasSize(3);
        assertThat(all.get(0).<Department>relatedList("departments")).isEmpty();
        assertThat(all.get(2).<Department>relatedList("departments")).hasSize(3);
    }

    @EngineTest
    void anUnknownIncludeNamesTheRelations(TestDatabase db) {
        Fixture f = fixture(db);
        assertThatThrownBy(() -> f.repo().list(companies(f.tag()).include("staff"), Map.of())).isInstanceOf(UnknownRelationException.class)
                .hasMessageContaining("'staff'").hasMessageContaining("[departments]");
    }
}

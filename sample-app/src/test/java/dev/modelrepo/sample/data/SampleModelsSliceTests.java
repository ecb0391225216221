package dev.modelrepo.sample.data;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.modelrepo.autoconfigure.test.ExpectMaxStatements;
import dev.modelrepo.autoconfigure.test.ModelRepositoryTest;
import dev.modelrepo.autoconfigure.test.StatementCounter;
import dev.modelrepo.autoconfigure.test.TooManyStatementsError;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.sample.model.Department;
import dev.modelrepo.sample.model.Employee;
import dev.modelrepo.sample.model.Post;

import static dev.modelrepo.query.Q.asc;
import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.param;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sample's models in the {@code @ModelRepositoryTest} slice: no web layer, each test rolled back, N+1 guarded. */
@ModelRepositoryTest
class SampleModelsSliceTests {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ModelRepository repository;

    @Autowired
    private StatementCounter statements;

    @Test
    void theSliceHasNoWebLayer() {
        assertThat(this.context.getBeanNamesForAnnotation(org.springframework.web.bind.annotation.RestController.class))
            .isEmpty();
        assertThat(this.context.getBeanNamesForType(dev.modelrepo.sample.service.ModelService.class)).isEmpty();
    }

    @Test
    void departmentsWithTheirEmployeesOneQueryPerDepartmentIsCaught() {
        assertThatThrownBy(() -> this.statements.call(2, this::headcountOneByOne))
            .isInstanceOf(TooManyStatementsError.class)
            .hasMessageContaining("ran 7 modelrepo statements")
            .hasMessageContaining("6 x SELECT");
    }

    @Test
    @ExpectMaxStatements(2)
    void departmentsWithTheirEmployeesByIncludeTakeTwoStatements() {
        Map<String, Integer> headcount = headcountByInclude();
        assertThat(headcount.values()).containsExactly(4, 3, 3, 3, 3, 4);
    }

    @Test
    void bothGiveTheSameHeadcount() {
        assertThat(headcountOneByOne()).isEqualTo(headcountByInclude());
    }

    @Test
    void writesAreRolledBackAfterEachTest() {
        // Seeded: one post. Whatever ran before, this test sees only it, and its own insert.
        assertThat(this.repository.count(this.repository.query(Post.class, "p"), Map.of())).isEqualTo(1);
        this.repository.saveOrThrow(this.repository.build(Post.class, Map.of("title", "In a rolled-back transaction")));
        assertThat(this.repository.count(this.repository.query(Post.class, "p"), Map.of())).isEqualTo(2);
    }

    @Test
    void writesAreRolledBackAfterEachTestToo() {
        writesAreRolledBackAfterEachTest();
    }

    private Map<String, Integer> headcountOneByOne() {
        Map<String, Integer> headcount = new java.util.LinkedHashMap<>();
        List<Department> departments = this.repository.list(this.repository.query(Department.class, "d").orderBy(asc("d.id")));
        for (Department department : departments) {
            List<Employee> employees = this.repository.list(
                    this.repository.query(Employee.class, "e").where(eq("e.department_id", param("d"))),
                    Map.of("d", department.id()));
            headcount.put(department.id() + " " + department.name(), employees.size());
        }
        return headcount;
    }

    private Map<String, Integer> headcountByInclude() {
        Map<String, Integer> headcount = new java.util.LinkedHashMap<>();
        List<Department> departments = this.repository
            .list(this.repository.query(Department.class, "d").include("employees").orderBy(asc("d.id")));
        for (Department department : departments) {
            headcount.put(department.id() + " " + department.name(), department.relatedList("employees").size());
        }
        return headcount;
    }
}

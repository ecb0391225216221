package dev.modelrepo.sample.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.sample.model.Employee;

import static dev.modelrepo.query.Q.asc;
import static dev.modelrepo.query.Q.col;
import static dev.modelrepo.query.Q.count;
import static dev.modelrepo.query.Q.inner;

/** Aggregates, returned as plain rows rather than models. */
@RestController
@RequestMapping("/api/stats")
class StatsController {

    private final ModelRepository repository;

    private final ModelQuery<Employee> employeesPerDepartment;

    StatsController(ModelRepository repository) {
        this.repository = repository;
        this.employeesPerDepartment = repository.query(Employee.class, "e")
            .join(inner("department"))
            .select(col("e.department_id"), col("department.name").as("department"), count().as("employees"))
            .groupBy("e.department_id", "department.name")
            .orderBy(asc("e.department_id"));
    }

    /** The number of employees of each department: {@code [{"department_id": 1, "department": "Engineering", "employees": 4}, …]}. */
    @GetMapping("/departments")
    List<Map<String, @Nullable Object>> departments() {
        return this.repository.rows(this.employeesPerDepartment, Map.of());
    }
}

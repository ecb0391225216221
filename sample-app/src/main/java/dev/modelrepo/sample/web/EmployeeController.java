package dev.modelrepo.sample.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.query.Order;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.model.Cascade;
import dev.modelrepo.sample.model.Employee;
import dev.modelrepo.sample.service.ModelService;

import static dev.modelrepo.query.Q.asc;
import static dev.modelrepo.query.Q.contains;
import static dev.modelrepo.query.Q.desc;
import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.ge;
import static dev.modelrepo.query.Q.inner;
import static dev.modelrepo.query.Q.param;

/**
 * Employees with optional filters, a sort and pages. Only the filters a request gives become conditions; each
 * is a bound parameter, and the sort column is checked by modelrepo against the table's columns.
 */
@RestController
@RequestMapping("/api/employees")
class EmployeeController {

    private static final int MAX_PAGE_SIZE = 100;

    private final ModelRepository repository;

    private final ModelService models;

    EmployeeController(ModelRepository repository, ModelService models) {
        this.repository = repository;
        this.models = models;
    }

    @GetMapping("/{id}")
    Map<String, @Nullable Object> get(@PathVariable long id) {
        return ModelJson.of(this.models.find(Employee.class, id));
    }

    /**
     * {@code POST /api/employees {"department_id": 1, "name": "Zoe Zhang", "email": "zoe@acme.example",
     * "salary": 70000}}: 201 with the stored row (defaults such as {@code active} filled in by the database).
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, @Nullable Object> create(@RequestBody Map<String, Object> body) {
        return ModelJson.of(this.models.create(Employee.class, body));
    }

    /** {@code PUT /api/employees/7 {"salary": 75000}}: only the given columns change. */
    @PutMapping("/{id}")
    Map<String, @Nullable Object> update(@PathVariable long id, @RequestBody Map<String, Object> body) {
        return ModelJson.of(this.models.update(Employee.class, id, body));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        this.models.delete(Employee.class, id, Cascade.NONE, null, null);
    }

    /**
     * {@code GET /api/employees?department=Sales&minSalary=50000&q=an&sort=salary,desc&page=0&size=20}: the
     * employees matching every given filter, each with its department. {@code q} is a LIKE on the name, so
     * its case sensitivity is the database's (H2 and PostgreSQL: sensitive; MariaDB: not, by collation).
     */
    @GetMapping
    EmployeePage search(@RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable Integer minSalary,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "name,asc") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw new BadRequestException("page must not be negative: " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException("size must be between 1 and " + MAX_PAGE_SIZE + ": " + size);
        }
        Map<String, Object> params = new HashMap<>();
        ModelQuery<Employee> query = this.repository.query(Employee.class, "e").join(inner("department"));
        if (StringUtils.hasText(department)) {
            query = query.where(eq("department.name", param("department")));
            params.put("department", department);
        }
        if (minSalary != null) {
            query = query.where(ge("e.salary", param("minSalary")));
            params.put("minSalary", minSalary);
        }
        if (StringUtils.hasText(q)) {
            query = query.where(contains("e.name", param("q")));
            params.put("q", q);
        }
        long total = this.repository.count(query, params);
        ModelQuery<Employee> pageQuery = query.orderBy(order(sort), asc("e.id"))
            .limit(param("limit"))
            .offset(param("offset"));
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<Map<String, @Nullable Object>> content = this.repository.list(pageQuery, params)
            .stream()
            .map((employee) -> ModelJson.of(employee, "department"))
            .toList();
        return new EmployeePage(content, page, size, total);
    }

    /** {@code column} or {@code column,asc|desc}; an unknown column fails when the query is rendered. */
    private static Order order(String sort) {
        String[] parts = sort.split(",", -1);
        String column = parts[0].trim();
        if (column.isEmpty() || parts.length > 2) {
            throw new BadRequestException("sort must be 'column' or 'column,asc|desc': '" + sort + "'");
        }
        String direction = (parts.length == 2) ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        return switch (direction) {
            case "asc" -> asc("e." + column);
            case "desc" -> desc("e." + column);
            default -> throw new BadRequestException("sort direction must be asc or desc: '" + parts[1] + "'");
        };
    }

    /** One page of employees and the number of all that match. */
    record EmployeePage(List<Map<String, @Nullable Object>> content, int page, int size, long total) {
    }
}

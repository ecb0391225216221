package dev.modelrepo.sample.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.modelrepo.model.Cascade;
import dev.modelrepo.sample.model.Department;
import dev.modelrepo.sample.service.ModelService;

/** Departments: one by id, create, update, delete (with their employees). */
@RestController
@RequestMapping("/api/departments")
class DepartmentController {

    private final ModelService models;

    DepartmentController(ModelService models) {
        this.models = models;
    }

    @GetMapping("/{id}")
    Map<String, @Nullable Object> get(@PathVariable long id) {
        return ModelJson.of(this.models.find(Department.class, id));
    }

    /** {@code POST /api/departments {"company_id": 1, "name": "Legal"}}: the company must exist. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, @Nullable Object> create(@RequestBody Map<String, Object> body) {
        return ModelJson.of(this.models.create(Department.class, body));
    }

    @PutMapping("/{id}")
    Map<String, @Nullable Object> update(@PathVariable long id, @RequestBody Map<String, Object> body) {
        return ModelJson.of(this.models.update(Department.class, id, body));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        this.models.delete(Department.class, id, Cascade.ALL, null, null);
    }
}

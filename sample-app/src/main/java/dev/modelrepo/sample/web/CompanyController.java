package dev.modelrepo.sample.web;

import java.util.List;
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
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.sample.model.Company;
import dev.modelrepo.sample.service.ModelService;

import static dev.modelrepo.query.Q.asc;

/** Companies: list, one by id, create, update, delete (with their departments and employees). */
@RestController
@RequestMapping("/api/companies")
class CompanyController {

    private final ModelRepository repository;

    private final ModelService models;

    private final ModelQuery<Company> allByName;

    CompanyController(ModelRepository repository, ModelService models) {
        this.repository = repository;
        this.models = models;
        this.allByName = repository.query(Company.class, "c").orderBy(asc("c.name"));
    }

    @GetMapping
    List<Map<String, @Nullable Object>> list() {
        return this.repository.list(this.allByName, Map.of()).stream().map(ModelJson::of).toList();
    }

    @GetMapping("/{id}")
    Map<String, @Nullable Object> get(@PathVariable long id) {
        return ModelJson.of(this.models.find(Company.class, id));
    }

    /** {@code POST /api/companies {"name": "Umbrella", "industry": "Pharma"}}: 201 with the stored row. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, @Nullable Object> create(@RequestBody Map<String, Object> body) {
        return ModelJson.of(this.models.create(Company.class, body));
    }

    /** {@code PUT /api/companies/1 {"industry": "Robotics"}}: only the given columns change. */
    @PutMapping("/{id}")
    Map<String, @Nullable Object> update(@PathVariable long id, @RequestBody Map<String, Object> body) {
        return ModelJson.of(this.models.update(Company.class, id, body));
    }

    /** Deletes the company with its departments and their employees, in one transaction. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        this.models.delete(Company.class, id, Cascade.ALL, null, null);
    }
}

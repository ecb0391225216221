package dev.modelrepo.sample.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.sample.model.Company;

import static dev.modelrepo.query.Q.asc;

/** Companies: the list and one by id. */
@RestController
@RequestMapping("/api/companies")
class CompanyController {

    private final ModelRepository repository;

    private final ModelQuery<Company> allByName;

    CompanyController(ModelRepository repository) {
        this.repository = repository;
        this.allByName = repository.query(Company.class, "c").orderBy(asc("c.name"));
    }

    @GetMapping
    List<Map<String, @Nullable Object>> list() {
        return this.repository.list(this.allByName, Map.of()).stream().map(ModelJson::of).toList();
    }

    @GetMapping("/{id}")
    Map<String, @Nullable Object> get(@PathVariable long id) {
        return this.repository.findById(Company.class, id)
            .map(ModelJson::of)
            .orElseThrow(() -> new NotFoundException("No company with id " + id));
    }
}

package dev.modelrepo.sample.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerMapping;

import dev.modelrepo.model.Cascade;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.sample.model.Post;
import dev.modelrepo.sample.service.InvalidInputException;
import dev.modelrepo.sample.service.ModelService;

import static dev.modelrepo.query.Q.asc;

/**
 * Posts with optimistic locking: an update must send the {@code lock_version} it read, and one based on a stale
 * version answers 409 with the current post, so the client can merge and retry.
 */
@RestController
@RequestMapping("/api/posts")
class PostController {

    private static final String VERSION = "lock_version";

    private final ModelRepository repository;

    private final ModelService models;

    PostController(ModelRepository repository, ModelService models) {
        this.repository = repository;
        this.models = models;
    }

    @GetMapping
    List<Map<String, @Nullable Object>> list() {
        return this.repository.list(this.repository.query(Post.class, "p").orderBy(asc("p.id"))).stream()
            .map(ModelJson::of)
            .toList();
    }

    @GetMapping("/{id}")
    Map<String, @Nullable Object> get(@PathVariable long id) {
        return ModelJson.of(this.models.find(Post.class, id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, @Nullable Object> create(@RequestBody Map<String, Object> body) {
        return ModelJson.of(this.models.create(Post.class, body));
    }

    /** {@code PUT /api/posts/1 {"title": "New title", "lock_version": 0}}: 200 with lock_version 1, or 409. */
    @PutMapping("/{id}")
    Map<String, @Nullable Object> update(@PathVariable long id, @RequestBody Map<String, Object> body) {
        if (body.get(VERSION) == null) {
            throw InvalidInputException.of(VERSION, "Send the lock_version of the post you read; it guards against"
                    + " overwriting a change made meanwhile");
        }
        return ModelJson.of(this.models.update(Post.class, id, body, List.of(VERSION)));
    }

    /** {@code DELETE /api/posts/1?lock_version=1}: without lock_version the post is deleted whatever its version. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam(name = VERSION, required = false) @Nullable Integer version) {
        this.models.delete(Post.class, id, Cascade.NONE, version, VERSION);
    }

    /**
     * 409 as modelrepo's problem details answer a stale version, with the post as it is now under {@code current}, so
     * the client can merge: a handler of the controller's own comes before the auto-configured one.
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail stale(OptimisticLockingFailureException ex, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The post was changed by someone"
                + " else since you read it: reload it, apply your change to the current version and send that lock_version");
        problem.setTitle("Stale version");
        problem.setProperty("code", "stale-version");
        problem.setProperty("current", null);
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get("id") instanceof String id && id.matches("\\d{1,18}")) {
            this.repository.findById(Post.class, Long.parseLong(id))
                .ifPresent((post) -> problem.setProperty("current", ModelJson.of(post)));
        }
        return problem;
    }
}

package dev.modelrepo.sample.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

    /** 409: what the client sent was based on an older version; the body holds the post as it is now. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Map<String, @Nullable Object>> stale(OptimisticLockingFailureException ex, HttpServletRequest request) {
        Map<String, @Nullable Object> body = new LinkedHashMap<>();
        body.put("error", "The post was changed by someone else since you read it: reload it, apply your change"
                + " to the current version and send that lock_version");
        body.put("detail", ex.getMessage());
        body.put("current", null);
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get("id") instanceof String id && id.matches("\\d{1,18}")) {
            this.repository.findById(Post.class, Long.parseLong(id)).ifPresent((post) -> body.put("current", ModelJson.of(post)));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }
}

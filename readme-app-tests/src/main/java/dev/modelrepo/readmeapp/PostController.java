package dev.modelrepo.readmeapp;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import dev.modelrepo.repository.ModelRepository;

/** Posts over HTTP, with no exception handler of its own: modelrepo answers its errors as problem details. */
@RestController
@RequestMapping("/posts")
public class PostController {
    private final ModelRepository repo;
    private final PostService posts;
    public PostController(ModelRepository repo, PostService posts) { this.repo = repo; this.posts = posts; }

    @PostMapping @ResponseStatus(HttpStatus.CREATED)
    Post create(@RequestBody Post post) { repo.saveOrThrow(post); return post; }

    @PostMapping("/from-map") @ResponseStatus(HttpStatus.CREATED)
    Post createFromMap(@RequestBody Map<String, Object> body) {
        Post post = repo.build(Post.class, body);
        repo.saveOrThrow(post);
        return post;
    }

    @GetMapping("/{id}") Post get(@PathVariable String id) { return repo.getById(Post.class, id); }  // 404 when missing

    @PutMapping("/{id}")
    Post rename(@PathVariable long id, @RequestBody RenameRequest body) {
        return posts.rename(id, body.title(), body.lockVersion());
    }

    @PatchMapping("/{id}")
    Post update(@PathVariable long id, @RequestBody Map<String, Object> changes) { return posts.update(id, changes); }

    /** The body of a rename: the new title and the version the client read. */
    record RenameRequest(String title, @JsonProperty("lock_version") int lockVersion) { }
}

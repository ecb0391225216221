package dev.modelrepo.readmeapp;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import dev.modelrepo.repository.ModelRepository;

/** The README's service: renames a post at the version the client read; and applies a JSON patch the same way. */
@Service
@Transactional
public class PostService {
    private final ModelRepository repo;
    public PostService(ModelRepository repo) { this.repo = repo; }

    public Post rename(long id, String title, int lockVersion) {
        Post post = repo.getById(Post.class, id);
        post.set("title", title).set("lock_version", lockVersion);   // stale version: OptimisticLockingFailureException
        repo.saveOrThrow(post);                                       // invalid: ModelValidationException (errors by column)
        return post;
    }

    public Post update(long id, Map<String, Object> changes) {
        Post post = repo.getById(Post.class, id);
        changes.forEach(post::set);                                   // JSON text coerced to each column's type
        repo.saveOrThrow(post);
        return post;
    }
}

package dev.modelrepo.sample.model;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A blog post, optimistically locked: an update or delete based on a stale lock_version fails. */
@Table(name = "posts", version = "lock_version")
public class Post extends Model {

    @Override
    protected void validate() {
        Validation.requireText(this, "title", 200);
        String body = get("body", String.class);
        if (body != null && body.length() > 4000) {
            addError("body", "Body must be at most 4000 characters");
        }
    }
}

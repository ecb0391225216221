package dev.modelrepo.readmeapp;

import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** The README's model: a row of posts, optimistically locked by lock_version, its title required. */
@Table(name = "posts", version = "lock_version")
public class Post extends Model {
    @Override protected void validate() {
        if (get("title") == null) addError("title", "Title is required");
    }
}

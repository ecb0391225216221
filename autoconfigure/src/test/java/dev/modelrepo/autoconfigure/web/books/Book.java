package dev.modelrepo.autoconfigure.web.books;

import java.math.BigDecimal;

import dev.modelrepo.model.BelongsTo;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** A book: a title is required and a price must not be negative; optimistic locking on lock_version. */
@Table(name = "books", version = "lock_version")
@BelongsTo(model = Author.class, as = "author", key = "author_id")
public class Book extends Model {

    @Override
    protected void validate() {
        String title = get("title");
        if (title == null || title.isBlank()) {
            addError("title", "Title is required");
        }
        BigDecimal price = get("price");
        if (price != null && price.signum() < 0) {
            addError("price", "Price must not be negative");
        }
    }
}

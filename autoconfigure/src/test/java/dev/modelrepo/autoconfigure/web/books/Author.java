package dev.modelrepo.autoconfigure.web.books;

import dev.modelrepo.model.HasMany;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.Table;

/** An author with a unique email. */
@Table(name = "authors")
@HasMany(model = Book.class, as = "books", foreignKey = "author_id")
public class Author extends Model {
}

package dev.modelrepo.autoconfigure.web.books;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.modelrepo.repository.ModelRepository;

import static dev.modelrepo.query.Q.asc;

/** The REST endpoints a new user writes, with no error handling of their own. */
@RestController
public class BookController {

    private final ModelRepository repo;

    public BookController(ModelRepository repo) {
        this.repo = repo;
    }

    @PostMapping("/authors")
    @ResponseStatus(HttpStatus.CREATED)
    public Author createAuthor(@RequestBody Author author) {
        this.repo.saveOrThrow(author);
        return author;
    }

    @DeleteMapping("/authors/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteAuthor(@PathVariable String id) {
        this.repo.destroy(this.repo.getById(Author.class, id));
    }

    @PostMapping("/books")
    @ResponseStatus(HttpStatus.CREATED)
    public Book create(@RequestBody Book book) {
        this.repo.saveOrThrow(book);
        return book;
    }

    @GetMapping("/books/{id}")
    public Book get(@PathVariable String id) {
        return this.repo.getById(Book.class, id);
    }

    @PutMapping("/books/{id}")
    public Book update(@PathVariable long id, @RequestBody Map<String, Object> changes) {
        Book book = this.repo.getById(Book.class, id);
        changes.forEach(book::set);
        this.repo.saveOrThrow(book);
        return book;
    }

    @GetMapping("/books")
    public List<Book> list(@RequestParam(defaultValue = "id") String sort) {
        return this.repo.list(this.repo.query(Book.class, "b").orderBy(asc("b." + sort)));
    }

    @PostMapping("/books/bulk")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Integer> bulk(@RequestBody List<Map<String, Object>> rows) {
        return Map.of("inserted", this.repo.bulk().insertBulk(Book.class, List.of("author_id", "title", "published_on"), rows));
    }
}

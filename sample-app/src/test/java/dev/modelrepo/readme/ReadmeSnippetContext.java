package dev.modelrepo.readme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.modelrepo.model.Model;
import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;

/**
 * What README snippets take as given: every compiled snippet's class extends this one, so a snippet may use these
 * fields and helpers without declaring them (the {@code repo}, the {@code params} and the query {@code q} of the
 * surrounding text), and the example models (Employee, Company, Book, …) as if they were the reader's own classes.
 * Library types are never declared here: a snippet imports them, which is what the test checks. When a new snippet
 * uses another such name, add it here (the field's type is what the README's text says it is). The example models
 * carry no {@code @Table} and the package is outside the sample's, so no application scans them.
 */
@SuppressWarnings({ "unused", "NullAway" })
public abstract class ReadmeSnippetContext {

    public static class Post extends Model {
    }

    public static class User extends Model {
    }

    public static class Employee extends Model {
    }

    public static class Department extends Model {
    }

    public static class Company extends Model {
    }

    public static class Book extends Model {
    }

    public static class Account extends Model {
    }

    public static class FilmActor extends Model {
    }

    public static class Film extends Model {
    }

    public static class Language extends Model {
    }

    public static class FilmText extends Model {
    }

    public static class Actor extends Model {
    }

    public static class CastingCredit extends Model {
    }

    public static class Doctor extends Model {
    }

    /** A row of native SQL mapped into a record. */
    public record UserRow(long id, String name, Integer age, boolean isActive) {
    }

    /** The service of a retry example. */
    public static class CounterService {
        public int bumpCounter(long id) {
            return 0;
        }
    }

    /** The service a {@code @ModelRepositoryTest} example tests. */
    public static class DirectoryService {
        public List<Department> departmentsWithEmployees() {
            return List.of();
        }

        public long headcount() {
            return 0;
        }
    }

    protected ModelRepository repo;

    protected DataSource dataSource;

    protected Map<String, Object> params;

    protected ModelQuery<Employee> q;

    protected ModelQuery<Employee> q1;

    protected ModelQuery<Employee> q2;

    protected ModelQuery<User> query;

    protected ModelQuery<Account> jobs;

    protected List<Map<String, Object>> rows;

    protected List<User> users;

    protected List<Company> companies;

    protected List<Long> ids;

    protected User user;

    protected User u1;

    protected User u2;

    protected User u3;

    protected Company company;

    protected Department department;

    protected Employee e;

    protected CounterService service;

    protected Integer minAge;

    protected LocalDate day;

    protected String name;

    protected long id;

    protected long from;

    protected long to;

    protected BigDecimal amount;

    protected org.slf4j.Logger log;

    protected void export(Object row) {
    }

    /** Handles rows and says how many (so it serves as a consumer and as a function returning a result). */
    protected int process(List<?> rows) {
        return rows.size();
    }

    protected int transfer(List<Account> accounts, BigDecimal amount) {
        return accounts.size();
    }
}

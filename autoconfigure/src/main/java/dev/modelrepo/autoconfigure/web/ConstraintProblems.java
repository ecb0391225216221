package dev.modelrepo.autoconfigure.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.datasource.DataSourceUtils;

import dev.modelrepo.dialect.ConstraintViolation;
import dev.modelrepo.model.Model;
import dev.modelrepo.model.ModelRegistry;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.schema.ConstraintColumns;
import dev.modelrepo.schema.TableMetadata;

/**
 * The problem of a broken constraint: its kind, the model and columns it constrains (read from the error, else from the
 * metadata by the constraint's name) and the constraint's name; never the database's message, which holds SQL and
 * values.
 */
final class ConstraintProblems {

    private final ObjectProvider<ModelRepository> repositories;

    ConstraintProblems(ObjectProvider<ModelRepository> repositories) {
        this.repositories = repositories;
    }

    /** What broke, as far as the error and the models tell. */
    record Broken(ConstraintViolation violation, @Nullable String model, List<String> columns) {
    }

    ProblemDetail of(DataAccessException error) {
        Broken broken = broken(error);
        if (broken == null) {
            return Problems.of(HttpStatus.CONFLICT, "Constraint violation", "constraint-violation",
                    "The change breaks a database constraint");
        }
        ProblemDetail problem = problem(broken);
        Problems.with(problem, "model", broken.model());
        Problems.with(problem, "constraint", broken.violation().constraint());
        if (!broken.columns().isEmpty()) {
            problem.setProperty("columns", broken.columns());
        }
        return problem;
    }

    private static ProblemDetail problem(Broken broken) {
        String what = broken.model() != null ? broken.model() : "row";
        String columns = String.join(" and ", broken.columns());
        return switch (broken.violation().type()) {
            case UNIQUE -> byColumn(Problems.of(HttpStatus.CONFLICT, "Duplicate value", "unique-violation",
                    columns.isEmpty() ? "Another " + what + " has the same unique key"
                            : "Another " + what + " has the same " + columns), broken, "must be unique");
            case FOREIGN_KEY -> byColumn(Problems.of(HttpStatus.CONFLICT, "Missing or referenced row", "foreign-key-violation",
                    "The change breaks a foreign key" + (columns.isEmpty() ? "" : " (" + what + "." + columns + ")")
                            + ": the row referred to must exist, and a row still referred to cannot be deleted"),
                    broken, "must refer to an existing row");
            case NOT_NULL -> byColumn(Problems.of(HttpStatus.BAD_REQUEST, "Missing value", "not-null-violation",
                    columns.isEmpty() ? "A required column has no value" : what + "." + columns + " must not be null"),
                    broken, "must not be null");
            case CHECK -> Problems.of(HttpStatus.BAD_REQUEST, "Invalid value", "check-violation",
                    "The change breaks a check constraint" + (broken.model() != null ? " of " + broken.model() : ""));
            case OTHER -> Problems.of(HttpStatus.CONFLICT, "Constraint violation", "constraint-violation",
                    "The change breaks a database constraint");
        };
    }

    private static ProblemDetail byColumn(ProblemDetail problem, Broken broken, String message) {
        if (!broken.columns().isEmpty()) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            broken.columns().forEach((column) -> errors.put(column, List.of(message)));
            Problems.errors(problem, errors);
        }
        return problem;
    }

    private @Nullable Broken broken(DataAccessException error) {
        for (ModelRepository repository : this.repositories.orderedStream().toList()) {
            ConstraintViolation violation = repository.dialect().constraintViolation(error);
            if (violation != null) {
                return resolve(repository, violation);
            }
        }
        return null;
    }

    /** The model whose table it is, and the columns by the constraint's name where the error did not list them. */
    private static Broken resolve(ModelRepository repository, ConstraintViolation violation) {
        ModelRegistry registry = repository.registry();
        List<Class<? extends Model>> candidates = new ArrayList<>();
        for (Class<? extends Model> type : registry.modelTypes()) {
            TableMetadata table = table(registry, type);
            if (table != null && (violation.table() == null || table.name().equalsIgnoreCase(violation.table()))) {
                candidates.add(type);
            }
        }
        if (!violation.columns().isEmpty() || violation.constraint() == null) {
            String model = (violation.table() != null && !candidates.isEmpty()) ? candidates.get(0).getSimpleName() : null;
            return new Broken(violation, model, violation.columns());
        }
        for (Class<? extends Model> type : candidates) {
            List<String> columns = columns(repository, table(registry, type), violation.constraint());
            if (!columns.isEmpty()) {
                return new Broken(violation, type.getSimpleName(), columns);
            }
        }
        String model = (violation.table() != null && !candidates.isEmpty()) ? candidates.get(0).getSimpleName() : null;
        return new Broken(violation, model, List.of());
    }

    private static @Nullable TableMetadata table(ModelRegistry registry, Class<? extends Model> type) {
        try {
            return registry.table(type);
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private static List<String> columns(ModelRepository repository, @Nullable TableMetadata table, String constraint) {
        if (table == null) {
            return List.of();
        }
        DataSource dataSource = repository.dataSource();
        Connection connection = null;
        try {
            connection = DataSourceUtils.getConnection(dataSource);
            return new ConstraintColumns(repository.dialect()).of(connection, table, constraint);
        }
        catch (SQLException | RuntimeException ex) {
            // the metadata is a nicety: without it the problem names the constraint only
            return List.of();
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}

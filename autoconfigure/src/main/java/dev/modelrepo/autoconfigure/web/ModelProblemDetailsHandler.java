package dev.modelrepo.autoconfigure.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.modelrepo.bulk.BulkOperationException;
import dev.modelrepo.bulk.BulkValidationException;
import dev.modelrepo.bulk.TypeMismatchException;
import dev.modelrepo.model.ModelValidationException;
import dev.modelrepo.model.UnknownColumnException;
import dev.modelrepo.model.UnknownRelationException;
import dev.modelrepo.query.error.InvalidIdentifierException;
import dev.modelrepo.query.error.ParameterTypeException;
import dev.modelrepo.repository.ModelNotFoundException;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.types.ValueTypeException;

/**
 * Answers modelrepo's errors, and Spring's optimistic-locking and data-integrity errors, with RFC 9457 problem
 * details ({@code application/problem+json}): each has a {@code title}, a {@code detail} for people, a {@code code}
 * for machines and, where known, the {@code model}, the {@code errors} by column, the {@code columns} and
 * {@code constraint} of a broken constraint and the {@code index} of a failed bulk element. The database's own
 * message (which holds SQL and values) is never sent.
 * <ul>
 * <li>validation ({@link ModelValidationException}), a value a column cannot take, an unknown column, relation or
 * identifier from the request: 400</li>
 * <li>{@link ModelNotFoundException} ({@code repo.getById}): 404</li>
 * <li>a stale version ({@link OptimisticLockingFailureException}), a unique or foreign-key violation: 409</li>
 * </ul>
 * Ordered last, so an application's own {@code @ControllerAdvice} for the same errors wins; replace it by defining a
 * bean of this type, or switch it off with {@code modelrepo.web.problem-details=false}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ModelProblemDetailsHandler {

    private final ConstraintProblems constraints;

    /** A handler that reads broken constraints with the dialect and models of these repositories. */
    public ModelProblemDetailsHandler(ObjectProvider<ModelRepository> repositories) {
        this.constraints = new ConstraintProblems(repositories);
    }

    @ExceptionHandler(ModelValidationException.class)
    public ResponseEntity<ProblemDetail> invalid(ModelValidationException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid " + ex.model(), "validation-failed",
                ex.model() + " is invalid: " + String.join(", ", ex.errors().keySet()));
        Problems.with(problem, "model", ex.model());
        Problems.errors(problem, ex.errors());
        if (ex instanceof BulkValidationException bulk) {
            Map<String, Map<String, List<String>>> byIndex = new LinkedHashMap<>();
            bulk.errorsByIndex().forEach((index, errors) -> byIndex.put(String.valueOf(index), errors));
            problem.setProperty("index", bulk.errorsByIndex().keySet().iterator().next());
            problem.setProperty("errorsByIndex", byIndex);
            problem.setDetail(bulk.getMessage());
        }
        return Problems.answer(problem);
    }

    @ExceptionHandler(ValueTypeException.class)
    public ResponseEntity<ProblemDetail> invalidValue(ValueTypeException ex) {
        return Problems.answer(valueProblem(ex, ex.getMessage()));
    }

    @ExceptionHandler(TypeMismatchException.class)
    public ResponseEntity<ProblemDetail> bulkTypeMismatch(TypeMismatchException ex) {
        ProblemDetail problem = ex.getCause() instanceof ValueTypeException value ? valueProblem(value, ex.getMessage())
                : Problems.of(HttpStatus.BAD_REQUEST, "Invalid value", "invalid-value", ex.getMessage());
        problem.setProperty("index", ex.index());
        return Problems.answer(problem);
    }

    @ExceptionHandler(ParameterTypeException.class)
    public ResponseEntity<ProblemDetail> invalidParameter(ParameterTypeException ex) {
        return Problems.answer(Problems.of(HttpStatus.BAD_REQUEST, "Invalid value", "invalid-value", ex.getMessage()));
    }

    @ExceptionHandler(UnknownColumnException.class)
    public ResponseEntity<ProblemDetail> unknownColumn(UnknownColumnException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Unknown column", "unknown-column", ex.getMessage());
        Problems.with(problem, "model", ex.model());
        Problems.with(problem, "column", ex.column());
        if (ex.column() != null) {
            Problems.errors(problem, Map.of(ex.column(), List.of(String.valueOf(ex.getMessage()))));
        }
        return Problems.answer(problem);
    }

    @ExceptionHandler(UnknownRelationException.class)
    public ResponseEntity<ProblemDetail> unknownRelation(UnknownRelationException ex) {
        return Problems.answer(Problems.of(HttpStatus.BAD_REQUEST, "Unknown relation", "unknown-relation", ex.getMessage()));
    }

    @ExceptionHandler(InvalidIdentifierException.class)
    public ResponseEntity<ProblemDetail> invalidIdentifier(InvalidIdentifierException ex) {
        return Problems.answer(Problems.of(HttpStatus.BAD_REQUEST, "Invalid name", "invalid-identifier", ex.getMessage()));
    }

    @ExceptionHandler(ModelNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(ModelNotFoundException ex) {
        ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, ex.model() + " not found", "not-found", ex.getMessage());
        Problems.with(problem, "model", ex.model());
        Problems.with(problem, "id", ex.id());
        return Problems.answer(problem);
    }

    /** A write based on a version someone else changed meanwhile: the client reloads and applies its change again. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    public ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException ex) {
        return Problems.answer(staleProblem(ex));
    }

    /** A unique, foreign-key, NOT NULL or CHECK constraint the change broke, named by its columns. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    public ResponseEntity<ProblemDetail> constraint(DataIntegrityViolationException ex) {
        return Problems.answer(this.constraints.of(ex));
    }

    /** A bulk statement the database refused: the problem of its cause, with the failing element's index or range. */
    @ExceptionHandler(BulkOperationException.class)
    public ResponseEntity<ProblemDetail> bulk(BulkOperationException ex) {
        ProblemDetail problem;
        if (ex.getCause() instanceof OptimisticLockingFailureException stale) {
            problem = staleProblem(stale);
        }
        else if (ex.getCause() instanceof DataIntegrityViolationException) {
            problem = this.constraints.of(ex);
        }
        else {
            problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Bulk write failed", "bulk-failed",
                    "The database refused a bulk statement");
        }
        if (ex.index() >= 0) {
            problem.setProperty("index", ex.index());
        }
        else {
            problem.setProperty("fromIndex", ex.fromIndex());
            problem.setProperty("toIndex", ex.toIndex());
        }
        return Problems.answer(problem);
    }

    /** modelrepo's own version checks say which model and version; a translated database error says nothing. */
    private static ProblemDetail staleProblem(OptimisticLockingFailureException ex) {
        String detail = (ex.getCause() == null) ? ex.getMessage()
                : "The row was changed or deleted by someone else since it was read: reload it and apply the change again";
        return Problems.of(HttpStatus.CONFLICT, "Stale version", "stale-version", detail);
    }

    private static ProblemDetail valueProblem(ValueTypeException ex, String detail) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Invalid value", "invalid-value", detail);
        Problems.with(problem, "model", ex.model());
        Problems.with(problem, "column", ex.column());
        if (ex.column() != null) {
            Problems.errors(problem, Map.of(ex.column(), List.of(ex.detail())));
        }
        return problem;
    }
}

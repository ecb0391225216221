package dev.modelrepo.sample.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.modelrepo.model.ModelValidationException;
import dev.modelrepo.sample.service.InvalidInputException;
import dev.modelrepo.sample.service.NotFoundException;

/**
 * Maps failures to JSON bodies {@code {"error": message}}, with {@code "fields": {column: [messages]}} when the
 * input named fields: every client mistake answers 4xx naming what was wrong, never 500. modelrepo reports misuse
 * (an unknown column in a sort, a bad parameter) as {@link InvalidDataAccessApiUsageException} naming the column,
 * and failed validation as {@link ModelValidationException} with the errors by column.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler(ModelValidationException.class)
    ResponseEntity<Map<String, Object>> invalidModel(ModelValidationException ex) {
        return fields(ex.errors());
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalidInput(InvalidInputException ex) {
        return fields(ex.fields());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException ex) {
        return fields(Map.of(ex.getName(), List.of("'" + ex.getValue() + "' is not a valid "
                + ((ex.getRequiredType() != null) ? ex.getRequiredType().getSimpleName() : "value"))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException ex) {
        return fields(Map.of(ex.getParameterName(), List.of("The parameter is required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadableBody(HttpMessageNotReadableException ex) {
        return error(HttpStatus.BAD_REQUEST, "The request body is not the JSON this endpoint takes");
    }

    @ExceptionHandler({ InvalidDataAccessApiUsageException.class, BadRequestException.class })
    ResponseEntity<Map<String, Object>> badRequest(RuntimeException ex) {
        return error(HttpStatus.BAD_REQUEST, ex.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException ex) {
        return error(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    /** A write based on a stale version: the client must reload and apply its change again. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Map<String, Object>> stale(OptimisticLockingFailureException ex) {
        return error(HttpStatus.CONFLICT, ex.getMessage());
    }

    /** A constraint the request broke (a unique name, a row still referenced). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Map<String, Object>> conflict(DataIntegrityViolationException ex) {
        return error(HttpStatus.CONFLICT, "The change breaks a database constraint: "
                + ex.getMostSpecificCause().getMessage());
    }

    /** A row of a bulk import the database refused (a department that does not exist, say): nothing was imported. */
    @ExceptionHandler(dev.modelrepo.bulk.BulkOperationException.class)
    ResponseEntity<Map<String, Object>> bulkRow(dev.modelrepo.bulk.BulkOperationException ex) {
        String rows = ex.index() >= 0 ? "row " + (ex.index() + 1) : "rows " + (ex.fromIndex() + 1) + ".." + ex.toIndex();
        return fields(Map.of(rows, List.of(String.valueOf(ex.getMessage()))));
    }

    private static ResponseEntity<Map<String, Object>> fields(Map<String, List<String>> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "Invalid " + String.join(", ", fields.keySet()));
        body.put("fields", fields);
        return ResponseEntity.badRequest().body(body);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, @Nullable String message) {
        return ResponseEntity.status(status).body(Map.of("error", (message != null) ? message : status.getReasonPhrase()));
    }
}

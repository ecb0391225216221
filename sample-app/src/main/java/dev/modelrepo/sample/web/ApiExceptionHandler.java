package dev.modelrepo.sample.web;

import java.util.Map;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps failures to JSON {@code {"error": message}} bodies. modelrepo reports misuse (an unknown column in a
 * sort, a bad parameter) as {@link InvalidDataAccessApiUsageException} naming the column: a client error.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler({ InvalidDataAccessApiUsageException.class, BadRequestException.class })
    ResponseEntity<Map<String, String>> badRequest(RuntimeException ex) {
        return error(HttpStatus.BAD_REQUEST, ex);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(NotFoundException ex) {
        return error(HttpStatus.NOT_FOUND, ex);
    }

    private static ResponseEntity<Map<String, String>> error(HttpStatus status, RuntimeException ex) {
        String message = ex.getMessage();
        return ResponseEntity.status(status).body(Map.of("error", message != null ? message : status.getReasonPhrase()));
    }
}

package dev.modelrepo.sample.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Input other than a model's columns (a transfer, a CSV file, a filter) that names the fields it got wrong: a 400
 * problem detail with the messages by field under {@code errors}, the same shape as modelrepo's validation problems.
 */
public class InvalidInputException extends ErrorResponseException {

    private final Map<String, List<String>> fields;

    public InvalidInputException(Map<String, List<String>> fields) {
        super(HttpStatus.BAD_REQUEST, problem(fields), null);
        this.fields = new LinkedHashMap<>(fields);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> fields() {
        return this.fields;
    }

    private static ProblemDetail problem(Map<String, List<String>> fields) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid " + String.join(", ", fields.keySet()));
        problem.setTitle("Invalid input");
        problem.setProperty("code", "invalid-input");
        problem.setProperty("errors", new LinkedHashMap<>(fields));
        return problem;
    }
}

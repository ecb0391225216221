package dev.modelrepo.autoconfigure.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the problem details the handler answers with: status, title, a detail for people, members for machines. */
final class Problems {

    private Problems() {
    }

    /** A problem with its machine-readable {@code code} (e.g. {@code "stale-version"}). */
    static ProblemDetail of(HttpStatus status, String title, String code, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    /** Sets a member when the value is known. */
    static ProblemDetail with(ProblemDetail problem, String name, @Nullable Object value) {
        if (value != null) {
            problem.setProperty(name, value);
        }
        return problem;
    }

    /** The {@code errors} member: messages by column. */
    static ProblemDetail errors(ProblemDetail problem, Map<String, List<String>> errors) {
        problem.setProperty("errors", new LinkedHashMap<>(errors));
        return problem;
    }

    static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}

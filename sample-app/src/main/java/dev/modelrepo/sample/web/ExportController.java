package dev.modelrepo.sample.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.modelrepo.sample.service.EmployeeExport;
import dev.modelrepo.sample.service.InvalidInputException;

/**
 * {@code GET /api/export/employees.csv?department=Sales&minSalary=50000}: every matching employee as CSV, streamed
 * from a database cursor while the response is written (constant memory). There is no CSV import yet: it waits for
 * core's bulk insert.
 */
@RestController
class ExportController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final EmployeeExport export;

    ExportController(EmployeeExport export) {
        this.export = export;
    }

    @GetMapping("/api/export/employees.csv")
    ResponseEntity<StreamingResponseBody> employees(@RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable Integer minSalary) {
        if (minSalary != null && minSalary < 0) {
            throw InvalidInputException.of("minSalary", "minSalary must not be negative: " + minSalary);
        }
        StreamingResponseBody body = (out) -> this.export.write(out, department, minSalary);
        return ResponseEntity.ok()
            .contentType(CSV)
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"employees.csv\"")
            .body(body);
    }
}

package dev.modelrepo.sample.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.modelrepo.sample.service.EmployeeImport;

/** CSV import of employees through {@code insertBulk}. */
@RestController
class ImportController {

    private final EmployeeImport employees;

    ImportController(EmployeeImport employees) {
        this.employees = employees;
    }

    @PostMapping(path = "/api/import/employees.csv", consumes = "text/csv")
    ResponseEntity<Map<String, Object>> employees(HttpServletRequest request) throws IOException {
        int imported = this.employees.read(request.getInputStream());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("imported", imported));
    }
}

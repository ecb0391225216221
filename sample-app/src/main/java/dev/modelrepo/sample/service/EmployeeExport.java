package dev.modelrepo.sample.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import dev.modelrepo.query.ModelQuery;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.sample.model.Employee;

import static dev.modelrepo.query.Q.asc;
import static dev.modelrepo.query.Q.eq;
import static dev.modelrepo.query.Q.ge;
import static dev.modelrepo.query.Q.inner;
import static dev.modelrepo.query.Q.param;

/**
 * Writes employees as CSV straight from a cursor ({@code repo.stream}): constant memory whatever the row count,
 * in a read-only transaction that ends, and so releases its connection, when the last row is written (or the
 * client goes away).
 */
@Service
public class EmployeeExport {

    static final String HEADER = "id,name,email,salary,active,hired_on,department,company";

    private final ModelRepository repository;

    private final TransactionTemplate readOnly;

    public EmployeeExport(ModelRepository repository, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Writes the header and one line per employee (optionally of one department and a minimum salary). */
    public void write(OutputStream out, @Nullable String department, @Nullable Integer minSalary) {
        Map<String, Object> params = new HashMap<>();
        ModelQuery<Employee> query = this.repository.query(Employee.class, "e")
            .join(inner("department"))
            .join(inner("company").through("department"))
            .orderBy(asc("e.id"));
        if (StringUtils.hasText(department)) {
            query = query.where(eq("department.name", param("department")));
            params.put("department", department);
        }
        if (minSalary != null) {
            query = query.where(ge("e.salary", param("minSalary")));
            params.put("minSalary", minSalary);
        }
        ModelQuery<Employee> rows = query;
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.readOnly.executeWithoutResult((status) -> {
            try (Stream<Employee> employees = this.repository.stream(rows, params)) {
                writer.write(HEADER + "\n");
                employees.forEach((employee) -> line(writer, employee));
                writer.flush();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
    }

    private static void line(Writer writer, Employee e) {
        try {
            writer.write(String.join(",", cell(e.get("id")), cell(e.get("name")), cell(e.get("email")),
                    cell(e.get("salary")), cell(e.get("active")), cell(e.get("hired_on")),
                    cell(e.get("department.name")), cell(e.get("company.name"))));
            writer.write('\n');
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** RFC 4180: a value with a comma, quote or line break is quoted, quotes doubled. */
    static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}

package dev.modelrepo.sample.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.modelrepo.bulk.BulkOperations;
import dev.modelrepo.bulk.BulkProgress;
import dev.modelrepo.sample.model.Employee;

/**
 * Reads employees from CSV (a header naming columns of {@code employees}, then one line per employee; RFC 4180
 * quoting) and inserts them with {@code insertBulk}, the fast path: all lines in one transaction, or none. A cell
 * that does not parse answers 400 naming its line and column. Logs its progress after each chunk the database took
 * ({@code CSV import: insertBulk of Employee: 2000 of 5000 in 84 ms}).
 */
@Service
public class EmployeeImport {

    private static final Logger log = LoggerFactory.getLogger(EmployeeImport.class);

    static final Set<String> COLUMNS = Set.of("name", "email", "salary", "active", "hired_on", "department_id");

    private final BulkOperations bulk;

    public EmployeeImport(BulkOperations bulk) {
        this.bulk = bulk;
    }

    /** Parses and inserts; returns the number of employees imported. */
    public int read(InputStream in) {
        List<String> header;
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            if (first == null || first.isBlank()) {
                throw InvalidInputException.of("header", "the CSV needs a header line naming its columns, e.g. name,email,salary");
            }
            header = cells(first).stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
            for (String column : header) {
                if (!COLUMNS.contains(column)) {
                    errors.computeIfAbsent("header", k -> new ArrayList<>()).add("unknown column '" + column + "'; expected some of " + COLUMNS);
                }
            }
            if (!header.contains("name")) {
                errors.computeIfAbsent("header", k -> new ArrayList<>()).add("the column 'name' is required");
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = cells(line);
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String column = header.get(i);
                    String cell = i < cells.size() ? cells.get(i) : "";
                    try {
                        row.put(column, parse(column, cell));
                    }
                    catch (IllegalArgumentException ex) {
                        errors.computeIfAbsent("line " + number + " " + column, k -> new ArrayList<>()).add(ex.getMessage());
                    }
                }
                if (row.get("name") == null) {
                    errors.computeIfAbsent("line " + number + " name", k -> new ArrayList<>()).add("a name is required");
                }
                rows.add(row);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // the configured defaults (modelrepo.bulk.batch-size) with a progress log
        return rows.isEmpty() ? 0 : this.bulk.insertBulk(Employee.class, header, rows, this.bulk.defaults().progress(EmployeeImport::logProgress));
    }

    private static void logProgress(BulkProgress progress) {
        log.info("CSV import: {}", progress);
    }

    private static Object parse(String column, String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        return switch (column) {
            case "salary" -> parseInt(cell);
            case "department_id" -> parseLong(cell);
            case "active" -> switch (cell.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("'" + cell + "' is not true or false");
            };
            case "hired_on" -> {
                try {
                    yield LocalDate.parse(cell);
                }
                catch (DateTimeParseException ex) {
                    throw new IllegalArgumentException("'" + cell + "' is not a date (yyyy-mm-dd)");
                }
            }
            default -> cell;
        };
    }

    private static int parseInt(String cell) {
        try {
            return Integer.parseInt(cell);
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("'" + cell + "' is not a whole number");
        }
    }

    private static long parseLong(String cell) {
        try {
            return Long.parseLong(cell);
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("'" + cell + "' is not an id");
        }
    }

    /** The cells of one CSV line: commas separate, double quotes quote, "" is a quote inside quotes. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    cell.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}

package dev.modelrepo.sample.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.web.client.RestClient;

import dev.modelrepo.test.Engine;
import dev.modelrepo.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's HTTP API with writes, optimistic locking, transfers and the CSV export, driven over HTTP against
 * the whole application on one engine. Each subclass names its engine and runs on a database (PostgreSQL: a
 * schema) of its own, made before the class and dropped after it; the changelog migrates and seeds it at start-up.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
@DisplayNameGeneration(EngineDisplayNames.class)
abstract class SampleApiContract {

    static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    static final ParameterizedTypeReference<List<Map<String, Object>>> ARRAY = new ParameterizedTypeReference<>() {
    };

    /** The database of the running subclass; set by its {@code @BeforeAll}. */
    static TestDatabase database;

    @LocalServerPort
    private int port;

    @Autowired
    private javax.sql.DataSource dataSource;

    private RestClient http;

    static void open(Engine engine) {
        database = TestDatabase.create(engine);
    }

    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> database.jdbcUrl());
        registry.add("spring.datasource.username", () -> database.username());
        registry.add("spring.datasource.password", () -> (database.password() != null) ? database.password() : "");
        if (database.engine() == Engine.POSTGRESQL) {
            registry.add("spring.liquibase.default-schema", () -> database.name());
        }
    }

    @AfterAll
    static void drop() {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    @BeforeEach
    void createClient() {
        this.http = RestClient.builder().baseUrl("http://localhost:" + this.port).defaultStatusHandler((status) -> true,
                (request, response) -> {
                    // statuses are asserted by the tests
                }).build();
    }

    // ------------------------------------------------------------------ companies, departments, employees

    @Test
    void createsReadsUpdatesAndDeletesACompany() {
        String name = unique("Umbrella");
        ResponseEntity<Map<String, Object>> created = post("/api/companies", Map.of("name", name, "industry", "Pharma"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Object id = created.getBody().get("id");
        assertThat(id).isNotNull();
        assertThat(get("/api/companies/" + id).getBody()).containsEntry("name", name).containsEntry("industry", "Pharma");

        ResponseEntity<Map<String, Object>> updated = put("/api/companies/" + id, Map.of("industry", "Biotech"));
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(updated.getBody()).containsEntry("name", name).containsEntry("industry", "Biotech");
        assertThat(get("/api/companies/" + id).getBody()).containsEntry("industry", "Biotech");

        assertThat(delete("/api/companies/" + id).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get("/api/companies/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void deletingACompanyDeletesItsDepartmentsAndTheirEmployees() {
        Object company = post("/api/companies", Map.of("name", unique("Cyberdyne"))).getBody().get("id");
        Object department = post("/api/departments", Map.of("company_id", company, "name", "Robotics")).getBody().get("id");
        Object employee = post("/api/employees", employee(department, unique("Miles Dyson"))).getBody().get("id");
        assertThat(delete("/api/companies/" + company).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get("/api/departments/" + department).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/employees/" + employee).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void createsAnEmployeeWithTheDatabasesDefaults() {
        Object department = newDepartment("Legal");
        ResponseEntity<Map<String, Object>> created = post("/api/employees", employee(department, unique("Zoe Zhang")));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("active", true).containsEntry("salary", 70000);
        Object id = created.getBody().get("id");
        ResponseEntity<Map<String, Object>> raised = put("/api/employees/" + id, Map.of("salary", 75000, "active", false));
        assertThat(raised.getBody()).containsEntry("salary", 75000).containsEntry("active", false);
        assertThat(get("/api/employees/" + id).getBody()).containsEntry("salary", 75000).containsEntry("active", false);
        assertThat(delete("/api/employees/" + id).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(delete("/api/employees/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void jsonWithIsoDatesAndNumericTextCreatesAnEmployee() {
        Object department = newDepartment("Text");
        Map<String, Object> body = new java.util.HashMap<>(employee(String.valueOf(department), unique("Text Tess")));
        body.put("salary", "71000");
        body.put("hired_on", "2024-02-29");
        body.put("active", "false");
        ResponseEntity<Map<String, Object>> created = post("/api/employees", body);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(get("/api/employees/" + created.getBody().get("id")).getBody()).containsEntry("salary", 71000)
            .containsEntry("hired_on", "2024-02-29").containsEntry("active", false);
        Object account = post("/api/accounts", Map.of("owner", unique("Texter"), "balance", "100.25")).getBody().get("id");
        assertThat(balance(account)).isEqualByComparingTo("100.25");
    }

    @Test
    void aValueItsColumnCannotTakeAnswers400WithTheReason() {
        Object department = newDepartment("Reasons");
        Map<String, Object> body = new java.util.HashMap<>(employee(department, unique("Reason Rae")));
        body.put("hired_on", "2024-13-01");
        body.put("salary", 3_000_000_000L);
        ResponseEntity<Map<String, Object>> response = post("/api/employees", body);
        assertThat(fields(response)).containsEntry("hired_on", List.of("\"2024-13-01\" is not a date (expected yyyy-MM-dd)"))
            .containsEntry("salary", List.of("3000000000 is out of range for INTEGER"));
        assertThat(response.getBody()).containsEntry("code", "validation-failed").containsEntry("model", "Employee");
    }

    @Test
    void anUnknownIdAnswers404() {
        ResponseEntity<Map<String, Object>> response = get("/api/employees/987654321");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).containsEntry("code", "not-found").containsEntry("model", "Employee")
            .containsEntry("detail", "No Employee with id 987654321");
    }

    @Test
    void validationErrorsAnswer400NamingEachField() {
        Object department = newDepartment("Validation");
        ResponseEntity<Map<String, Object>> response = post("/api/employees",
                Map.of("department_id", department, "name", " ", "email", "not-an-email", "salary", -5));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsOnlyKeys("name", "email", "salary");
        assertThat(fields(response).get("name")).containsExactly("Name is required");
        assertThat(fields(response).get("salary")).containsExactly("Salary must not be negative");
    }

    @Test
    void aMissingRequiredColumnIsNamed() {
        ResponseEntity<Map<String, Object>> response = post("/api/departments", Map.of("name", "Orphans"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsOnlyKeys("company_id");
    }

    @Test
    void anUnknownColumnAnswers400NamingIt() {
        ResponseEntity<Map<String, Object>> response = post("/api/companies", Map.of("name", unique("X"), "nickname", "x"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsOnlyKeys("nickname");
        assertThat(fields(response).get("nickname").get(0)).contains("nickname");
    }

    @Test
    void aValueOfTheWrongTypeAnswers400NamingTheField() {
        Object department = newDepartment("Types");
        Map<String, Object> body = new java.util.HashMap<>(employee(department, unique("Typo")));
        body.put("salary", "lots");
        ResponseEntity<Map<String, Object>> response = post("/api/employees", body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsOnlyKeys("salary");
    }

    @Test
    void theIdCannotBeSet() {
        ResponseEntity<Map<String, Object>> response = post("/api/companies", Map.of("id", 424242, "name", unique("Ids")));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsOnlyKeys("id");
    }

    @Test
    void aDepartmentThatDoesNotExistAnswers400NamingTheKey() {
        ResponseEntity<Map<String, Object>> response = post("/api/employees", employee(987654321, unique("Nobody")));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsOnlyKeys("department_id");
        assertThat(fields(response).get("department_id")).containsExactly("No department with id 987654321");
    }

    @Test
    void malformedJsonAnswers400() {
        ResponseEntity<Map<String, Object>> response = this.http.post().uri("/api/companies")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"name\": ")
            .retrieve()
            .toEntity(OBJECT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("status", 400).containsKey("detail");
    }

    @Test
    void anIdThatIsNotANumberAnswers400NamingIt() {
        ResponseEntity<Map<String, Object>> response = get("/api/employees/abc");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail")).contains("'id'").contains("'abc'");
    }

    @Test
    void aDuplicateEmailIsAConflict() {
        Object department = newDepartment("Duplicates");
        Map<String, Object> first = employee(department, unique("Dup"));
        assertThat(post("/api/employees", first).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> second = new java.util.HashMap<>(employee(department, unique("Dup two")));
        second.put("email", first.get("email"));
        ResponseEntity<Map<String, Object>> response = post("/api/employees", second);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("code", "unique-violation").containsEntry("model", "Employee")
            .containsEntry("columns", List.of("email")).containsEntry("detail", "Another Employee has the same email");
        // neither the database's message nor the SQL nor the value reach the client
        assertThat(response.getBody().toString()).doesNotContain("SQL").doesNotContain("INSERT")
            .doesNotContain((String) first.get("email"));
    }

    // ------------------------------------------------------------------ posts (optimistic locking)

    @Test
    void anUpdateWithTheCurrentVersionSucceedsAndBumpsIt() {
        Object id = post("/api/posts", Map.of("title", "Draft", "body", "text")).getBody().get("id");
        assertThat(get("/api/posts/" + id).getBody()).containsEntry("lock_version", 0);
        ResponseEntity<Map<String, Object>> updated = put("/api/posts/" + id, Map.of("title", "Final", "lock_version", 0));
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(updated.getBody()).containsEntry("title", "Final").containsEntry("lock_version", 1);
    }

    @Test
    void aStaleUpdateAnswers409WithTheCurrentPost() {
        Object id = post("/api/posts", Map.of("title", "Original")).getBody().get("id");
        assertThat(put("/api/posts/" + id, Map.of("title", "Alice's edit", "lock_version", 0)).getStatusCode())
            .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map<String, Object>> stale = put("/api/posts/" + id, Map.of("title", "Bob's edit", "lock_version", 0));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody()).containsEntry("code", "stale-version");
        assertThat((String) stale.getBody().get("detail")).contains("changed by someone else").contains("lock_version");
        @SuppressWarnings("unchecked")
        Map<String, Object> current = (Map<String, Object>) stale.getBody().get("current");
        assertThat(current).containsEntry("title", "Alice's edit").containsEntry("lock_version", 1);
        assertThat(get("/api/posts/" + id).getBody()).containsEntry("title", "Alice's edit");
    }

    @Test
    void anUpdateWithoutAVersionAnswers400NamingIt() {
        Object id = post("/api/posts", Map.of("title", "Unversioned")).getBody().get("id");
        ResponseEntity<Map<String, Object>> response = put("/api/posts/" + id, Map.of("title", "Blind write"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsOnlyKeys("lock_version");
    }

    @Test
    void aStaleDeleteIsAConflictAndTheCurrentOneWorks() {
        Object id = post("/api/posts", Map.of("title", "Short-lived")).getBody().get("id");
        put("/api/posts/" + id, Map.of("title", "Edited", "lock_version", 0));
        assertThat(delete("/api/posts/" + id + "?lock_version=0").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(delete("/api/posts/" + id + "?lock_version=1").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(get("/api/posts/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aPostWithoutTitleAnswers400NamingIt() {
        ResponseEntity<Map<String, Object>> response = post("/api/posts", Map.of("body", "no title"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsOnlyKeys("title");
    }

    // ------------------------------------------------------------------ accounts and transfers

    @Test
    void aTransferMovesMoney() {
        Object alice = account("100.00");
        Object bob = account("20.00");
        ResponseEntity<Map<String, Object>> response = post("/api/transfers", Map.of("from", alice, "to", bob, "amount", 30.5));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(balance(alice)).isEqualByComparingTo("69.50");
        assertThat(balance(bob)).isEqualByComparingTo("50.50");
    }

    @Test
    void aTransferOfMoreThanTheBalanceAnswers400AndMovesNothing() {
        Object alice = account("10.00");
        Object bob = account("0.00");
        ResponseEntity<Map<String, Object>> response = post("/api/transfers", Map.of("from", alice, "to", bob, "amount", 10.01));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsOnlyKeys("amount");
        assertThat(balance(alice)).isEqualByComparingTo("10.00");
        assertThat(balance(bob)).isEqualByComparingTo("0.00");
    }

    @Test
    void badTransfersAnswer400NamingTheField() {
        Object alice = account("10.00");
        Object bob = account("10.00");
        assertThat(fields(post("/api/transfers", Map.of("from", alice, "to", bob)))).containsOnlyKeys("amount");
        assertThat(fields(post("/api/transfers", Map.of("from", alice, "to", bob, "amount", -1)))).containsOnlyKeys("amount");
        assertThat(fields(post("/api/transfers", Map.of("from", alice, "to", bob, "amount", 0.001)))).containsOnlyKeys("amount");
        assertThat(fields(post("/api/transfers", Map.of("from", alice, "to", alice, "amount", 1)))).containsOnlyKeys("to");
        assertThat(fields(post("/api/transfers", Map.of("to", bob, "amount", 1)))).containsOnlyKeys("from");
        assertThat(post("/api/transfers", Map.of("from", alice, "to", 987654321, "amount", 1)).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("/api/transfers", Map.of("from", "one", "to", bob, "amount", 1)).getStatusCode())
            .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(balance(alice)).isEqualByComparingTo("10.00");
        assertThat(balance(bob)).isEqualByComparingTo("10.00");
    }

    @Test
    void concurrentTransfersInBothDirectionsKeepTheTotal() throws Exception {
        Object a = account("1000.00");
        Object b = account("1000.00");
        int threads = 4;
        int transfersPerThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<HttpStatus>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean forward = t % 2 == 0;
                results.add(pool.submit(() -> {
                    List<HttpStatus> statuses = new ArrayList<>();
                    for (int i = 0; i < transfersPerThread; i++) {
                        Map<String, Object> body = forward ? Map.of("from", a, "to", b, "amount", 3)
                                : Map.of("from", b, "to", a, "amount", 1);
                        statuses.add(HttpStatus.valueOf(post("/api/transfers", body).getStatusCode().value()));
                    }
                    return statuses;
                }));
            }
            for (Future<List<HttpStatus>> result : results) {
                assertThat(result.get()).containsOnly(HttpStatus.OK);
            }
        }
        finally {
            pool.shutdownNow();
        }
        // two threads move 3 forward 15 times each, two move 1 back 15 times each
        assertThat(balance(a)).isEqualByComparingTo("940.00");
        assertThat(balance(b)).isEqualByComparingTo("1060.00");
    }

    // ------------------------------------------------------------------ CSV export

    @Test
    void theCsvExportStreamsTheEmployeesOfADepartment() {
        Object department = newDepartment("Export");
        String departmentName = (String) get("/api/departments/" + department).getBody().get("name");
        post("/api/employees", employee(department, "Quoted \"Q\", Esq."));
        post("/api/employees", employee(department, "Plain Pete"));
        ResponseEntity<String> response = this.http.get()
            .uri("/api/export/employees.csv?department={d}", departmentName)
            .retrieve()
            .toEntity(String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        List<String> lines = response.getBody().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("id,name,email,salary,active,hired_on,department,company");
        assertThat(lines.get(1)).contains(",\"Quoted \"\"Q\"\", Esq.\",").endsWith("," + departmentName + ",Acme Corp");
        assertThat(lines.get(2)).contains(",Plain Pete,").contains(",70000,true,,");
    }

    @Test
    void theCsvExportHasEveryEmployeeAndReleasesItsConnection() throws Exception {
        long total = ((Number) get("/api/employees?size=1").getBody().get("total")).longValue();
        String csv = this.http.get().uri("/api/export/employees.csv").retrieve().body(String.class);
        assertThat(csv.lines().count()).isEqualTo(total + 1);
        HikariDataSource pool = (HikariDataSource) this.dataSource;
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pool.getHikariPoolMXBean().getActiveConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void theCsvExportAnswers400ForABadParameter() {
        ResponseEntity<Map<String, Object>> response = get("/api/export/employees.csv?minSalary=lots");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail")).contains("'minSalary'");
        assertThat(fields(get("/api/export/employees.csv?minSalary=-1"))).containsOnlyKeys("minSalary");
    }

    // ------------------------------------------------------------------ CSV import

    private ResponseEntity<Map<String, Object>> importCsv(String csv) {
        return this.http.post().uri("/api/import/employees.csv").contentType(new MediaType("text", "csv"))
            .body(csv).retrieve().toEntity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { });
    }

    private long employeesNamed(String prefix) {
        return this.http.get().uri("/api/export/employees.csv").retrieve().body(String.class).lines()
            .filter((line) -> line.contains("," + prefix)).count();
    }

    @Test
    void aCsvImportInsertsEveryLineThroughInsertBulk() {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
            .getLogger(dev.modelrepo.sample.service.EmployeeImport.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> progress = new ch.qos.logback.core.read.ListAppender<>();
        progress.start();
        log.addAppender(progress);
        ch.qos.logback.classic.Level level = log.getLevel();
        log.setLevel(ch.qos.logback.classic.Level.INFO);   // the tests' logback configuration keeps modelrepo's loggers at WARN
        Object department = newDepartment("Imported");
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String csv = "name,email,salary,active,hired_on,department_id\n"
                + "Imp One," + tag + "1@example.com,50000,true,2024-02-29," + department + "\n"
                + "\"Imp, Two\"," + tag + "2@example.com,61000,false,," + department + "\n"
                + "Imp Three," + tag + "3@example.com,45000,true,2020-01-01," + department + "\n";
        ResponseEntity<Map<String, Object>> response;
        try {
            response = importCsv(csv);
        }
        finally {
            log.detachAppender(progress);
            log.setLevel(level);
        }
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody()).containsEntry("imported", 3);
        assertThat(employeesNamed("Imp One,")).isEqualTo(1);
        assertThat(employeesNamed("\"Imp, Two\",")).isEqualTo(1);   // the export quotes the comma
        assertThat(employeesNamed("Imp Three,")).isEqualTo(1);
        // the import logs its progress after each chunk, the last one at the total
        assertThat(progress.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).last().asString()
            .matches("CSV import: insertBulk of Employee: 3 of 3 in \\d+ ms");
    }

    @Test
    void aCsvImportWithABadCellAnswers400NamingItsLineAndColumn() {
        ResponseEntity<Map<String, Object>> response = importCsv("name,salary\nGood,1\nBad,lots\n");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fields(response)).containsOnlyKeys("line 3 salary");
        assertThat(fields(importCsv("name,password\nX,y\n"))).containsOnlyKeys("header");
    }

    @Test
    void aCsvImportWithARowTheDatabaseRefusesImportsNothing() {
        Object department = newDepartment("Atomic");
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<Map<String, Object>> response = importCsv("name,email,salary,department_id\nAtomic A,a" + tag + "@x.example,1,"
                + department + "\nAtomic B,b" + tag + "@x.example,1,987654321\n");
        // a foreign key the database refused: 409, with the element when the database says which (PostgreSQL's COPY
        // line, MariaDB's replay), else the range of the statement's elements (H2)
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody()).containsEntry("code", "foreign-key-violation");
        assertThat(response.getBody()).satisfiesAnyOf((body) -> assertThat(body).containsEntry("index", 1),
                (body) -> assertThat(body).containsEntry("fromIndex", 0).containsEntry("toIndex", 2));
        assertThat(response.getBody().toString()).doesNotContain("SQL");
        assertThat(employeesNamed("Atomic ")).isZero();
    }

    // ------------------------------------------------------------------ helpers

    private Object newDepartment(String name) {
        Object acme = this.http.get().uri("/api/companies").retrieve().toEntity(ARRAY).getBody().stream()
            .filter((c) -> "Acme Corp".equals(c.get("name")))
            .findFirst()
            .orElseThrow()
            .get("id");
        return post("/api/departments", Map.of("company_id", acme, "name", unique(name))).getBody().get("id");
    }

    private Object account(String balance) {
        ResponseEntity<Map<String, Object>> created = post("/api/accounts",
                Map.of("owner", unique("Owner"), "balance", new BigDecimal(balance)));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id");
    }

    private BigDecimal balance(Object account) {
        return new BigDecimal(String.valueOf(get("/api/accounts/" + account).getBody().get("balance")));
    }

    private static Map<String, Object> employee(Object department, String name) {
        return Map.of("department_id", department, "name", name,
                "email", UUID.randomUUID().toString().substring(0, 12) + "@example.test", "salary", 70000);
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> fields(ResponseEntity<Map<String, Object>> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        return (Map<String, List<String>>) response.getBody().get("errors");
    }

    ResponseEntity<Map<String, Object>> get(String path) {
        return this.http.get().uri(path).retrieve().toEntity(OBJECT);
    }

    ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return this.http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(OBJECT);
    }

    ResponseEntity<Map<String, Object>> put(String path, Object body) {
        return this.http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(OBJECT);
    }

    ResponseEntity<Map<String, Object>> delete(String path) {
        return this.http.delete().uri(path).retrieve().toEntity(OBJECT);
    }
}

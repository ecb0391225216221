package dev.modelrepo.readmeapp;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * The app README.md describes (starter, Flyway, PostgreSQL, Spring MVC, actuator) over real HTTP: JSON in, the
 * statuses and problem details the README promises out, with no exception handler in the app; the SQL in the log.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "logging.level.dev.modelrepo.sql=TRACE")
@ExtendWith(OutputCaptureExtension.class)
class ReadmeAppTests {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };

    private static ScratchDatabase database;

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    private RestClient http;

    @BeforeAll
    static void createDatabase() {
        database = ScratchDatabase.create();
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.drop();
        }
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> database.url());
        registry.add("spring.datasource.username", () -> database.username());
    }

    @BeforeEach
    void client() {
        this.http = RestClient.builder()
            .baseUrl("http://localhost:" + this.port)
            .defaultStatusHandler((status) -> true, (request, response) -> {
                // statuses are asserted, not thrown
            })
            .build();
    }

    @Test
    void createsFromJsonWithIsoDateAndDecimalText() {
        ResponseEntity<Map<String, Object>> created = post("/posts",
                Map.of("title", "Hello", "published_on", "1974-05-01", "price", "12.50"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("title", "Hello")
            .containsEntry("published_on", "1974-05-01")
            .containsEntry("lock_version", 0)
            .containsKey("id");
        long id = ((Number) created.getBody().get("id")).longValue();
        Map<String, Object> stored = this.jdbc.sql("SELECT title, published_on, price FROM posts WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
        assertThat(stored.get("published_on")).isEqualTo(Date.valueOf(LocalDate.of(1974, 5, 1)));
        assertThat(stored.get("price")).isEqualTo(new BigDecimal("12.50"));

        ResponseEntity<Map<String, Object>> read = get("/posts/" + id);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody()).containsEntry("title", "Hello").containsEntry("published_on", "1974-05-01");
        assertThat(new BigDecimal(read.getBody().get("price").toString())).isEqualByComparingTo("12.50");
    }

    @Test
    void createsFromAMapThroughBuild() {
        ResponseEntity<Map<String, Object>> created = post("/posts/from-map",
                Map.of("title", "Built", "published_on", "2024-02-29", "price", "7"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) created.getBody().get("id")).longValue();
        assertThat(this.jdbc.sql("SELECT price FROM posts WHERE id = ?").param(id).query(BigDecimal.class).single())
            .isEqualTo(new BigDecimal("7.00"));
    }

    @Test
    void renamesAtTheVersionReadThenRefusesTheStaleOne() {
        long id = createPost("Draft");
        ResponseEntity<Map<String, Object>> renamed = put("/posts/" + id, Map.of("title", "Final", "lock_version", 0));
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(renamed.getBody()).containsEntry("title", "Final").containsEntry("lock_version", 1);

        ResponseEntity<Map<String, Object>> stale = put("/posts/" + id, Map.of("title", "Lost", "lock_version", 0));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(stale.getBody()).containsEntry("code", "stale-version").containsEntry("status", 409);
        assertThat(this.jdbc.sql("SELECT title FROM posts WHERE id = ?").param(id).query(String.class).single())
            .isEqualTo("Final");
    }

    @Test
    void patchesWithCoercedValuesAndBumpsTheVersion() {
        long id = createPost("Patch me");
        ResponseEntity<Map<String, Object>> patched = patch("/posts/" + id,
                Map.of("price", "3.10", "published_on", "2001-09-09", "lock_version", 0));
        assertThat(patched.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(patched.getBody()).containsEntry("lock_version", 1).containsEntry("published_on", "2001-09-09");
        assertThat(this.jdbc.sql("SELECT price FROM posts WHERE id = ?").param(id).query(BigDecimal.class).single())
            .isEqualTo(new BigDecimal("3.10"));

        ResponseEntity<Map<String, Object>> stale = patch("/posts/" + id, Map.of("price", "9.99", "lock_version", 0));
        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(stale.getBody()).containsEntry("code", "stale-version");
    }

    @Test
    void aMissingTitleIsA400WithErrorsByColumn() {
        ResponseEntity<Map<String, Object>> invalid = post("/posts", Map.of("price", "1.00"));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(invalid.getBody()).containsEntry("code", "validation-failed")
            .containsEntry("model", "Post")
            .containsEntry("errors", Map.of("title", List.of("Title is required")));
    }

    @Test
    void aBadDateIsA400NamingTheColumn() {
        ResponseEntity<Map<String, Object>> invalid = post("/posts", Map.of("title", "When?", "published_on", "1974-13-01"));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(invalid.getBody()).extractingByKey("errors").asInstanceOf(MAP)
            .containsOnlyKeys("published_on");
        assertThat(this.jdbc.sql("SELECT count(*) FROM posts WHERE title = 'When?'").query(Long.class).single()).isZero();
    }

    @Test
    void anUnknownPropertyIsA400() {
        ResponseEntity<Map<String, Object>> invalid = post("/posts", Map.of("title", "Typo", "titel", "x"));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(invalid.getBody()).extractingByKey("errors").asInstanceOf(MAP)
            .containsOnlyKeys("titel");
    }

    @Test
    void aDuplicateSlugIsA409NamingTheColumnNotTheDatabaseText() {
        assertThat(post("/posts", Map.of("title", "First", "slug", "same")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map<String, Object>> duplicate = post("/posts", Map.of("title", "Second", "slug", "same"));
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(duplicate.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(duplicate.getBody()).containsEntry("code", "unique-violation")
            .containsEntry("columns", List.of("slug"))
            .containsEntry("constraint", "posts_slug_key");
        assertThat(duplicate.getBody().toString()).doesNotContain("duplicate key value").doesNotContain("INSERT");
    }

    @Test
    void anUnknownIdIsA404() {
        ResponseEntity<Map<String, Object>> missing = get("/posts/987654321");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(missing.getBody()).containsEntry("code", "not-found").containsEntry("model", "Post");

        ResponseEntity<Map<String, Object>> renameMissing = put("/posts/987654321", Map.of("title", "x", "lock_version", 0));
        assertThat(renameMissing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theSqlIsLoggedWithMaskedValues(CapturedOutput output) {
        post("/posts", Map.of("title", "Logged", "edit_token", "t0k3n-value"));
        assertThat(output.getOut()).containsPattern("DEBUG .*dev\\.modelrepo\\.sql .*insert posts \\[1 rows?, [0-9.]+ ms\\]: INSERT INTO");
        assertThat(output.getOut()).containsPattern("TRACE .*dev\\.modelrepo\\.sql .*insert posts values \\[.*edit_token=\\*\\*\\*\\*");
        assertThat(output.getOut()).contains("title='Logged'").doesNotContain("t0k3n-value");
    }

    @Test
    void theActuatorCountsStatements() {
        long id = createPost("Counted");
        put("/posts/" + id, Map.of("title", "Counted twice", "lock_version", 0));
        ResponseEntity<Map<String, Object>> all = get("/actuator/metrics/modelrepo.query");
        assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(count(all.getBody())).isPositive();
        ResponseEntity<Map<String, Object>> updates = get("/actuator/metrics/modelrepo.query?tag=model:posts&tag=operation:update");
        assertThat(updates.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(count(updates.getBody())).isGreaterThanOrEqualTo(1);
    }

    private static double count(Map<String, Object> metric) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> measurements = (List<Map<String, Object>>) metric.get("measurements");
        return measurements.stream()
            .filter((m) -> "COUNT".equals(m.get("statistic")))
            .mapToDouble((m) -> ((Number) m.get("value")).doubleValue())
            .findFirst()
            .orElseThrow();
    }

    private long createPost(String title) {
        ResponseEntity<Map<String, Object>> created = post("/posts", Map.of("title", title));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return ((Number) created.getBody().get("id")).longValue();
    }

    private ResponseEntity<Map<String, Object>> get(String path) {
        return this.http.get().uri(path).retrieve().toEntity(OBJECT);
    }

    private ResponseEntity<Map<String, Object>> post(String path, Map<String, Object> body) {
        return this.http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(OBJECT);
    }

    private ResponseEntity<Map<String, Object>> put(String path, Map<String, Object> body) {
        return this.http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(OBJECT);
    }

    private ResponseEntity<Map<String, Object>> patch(String path, Map<String, Object> body) {
        return this.http.patch().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(OBJECT);
    }
}

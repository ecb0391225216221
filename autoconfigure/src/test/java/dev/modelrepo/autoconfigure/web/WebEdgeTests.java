package dev.modelrepo.autoconfigure.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.autoconfigure.jackson.ModelRepositoryJacksonAutoConfiguration;
import dev.modelrepo.autoconfigure.web.books.BookController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A REST app with no error handling of its own, on a real H2 database: JSON in through the Jackson module and the
 * coercion, modelrepo's errors out as problem details.
 */
class WebEdgeTests {

    static final WebApplicationContextRunner RUNNER = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class, DataSourceInitializationAutoConfiguration.class,
                ModelRepositoryAutoConfiguration.class, JacksonAutoConfiguration.class,
                HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                ModelRepositoryWebAutoConfiguration.class, ModelRepositoryJacksonAutoConfiguration.class))
        .withPropertyValues("spring.datasource.generate-unique-name=true",
                "spring.sql.init.schema-locations=classpath:web/schema.sql",
                "modelrepo.model-packages=dev.modelrepo.autoconfigure.web.books")
        .withUserConfiguration(BookController.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Runs the test against a fresh app with one author (id 1) already stored. */
    static void withApp(AppTest test) {
        RUNNER.run((context) -> {
            assertThat(context).hasNotFailed();
            App app = new App(MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build());
            app.send("POST", "/authors", "{\"name\": \"Ursula\", \"email\": \"ursula@example.test\"}");
            test.run(app);
        });
    }

    @Test
    void jsonWithIsoDatesAndDecimalStringsCreatesAModel() {
        withApp((app) -> {
            Response created = app.send("POST", "/books", "{\"author_id\": \"1\", \"title\": \"The Dispossessed\","
                    + " \"published_on\": \"1974-05-01\", \"price\": \"12.50\", \"pages\": 387, \"in_print\": 1,"
                    + " \"cover\": \"AAEC\", \"meta\": {\"tags\": [\"anarchy\"]}}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            Object id = created.body().get("id");
            Map<String, Object> stored = app.send("GET", "/books/" + id, null).body();
            assertThat(stored).containsEntry("published_on", "1974-05-01").containsEntry("title", "The Dispossessed")
                .containsEntry("author_id", 1).containsEntry("pages", 387).containsEntry("in_print", true)
                .containsEntry("cover", "AAEC").containsEntry("lock_version", 0);
            assertThat(String.valueOf(stored.get("price"))).isEqualTo("12.5");
            assertThat(JSON.readTree(String.valueOf(stored.get("meta"))).get("tags").get(0).asString()).isEqualTo("anarchy");
        });
    }

    @Test
    void unknownPropertiesAre400NamingEach() {
        withApp((app) -> {
            Response response = app.send("POST", "/books", "{\"author_id\": 1, \"title\": \"X\", \"nickname\": \"x\","
                    + " \"author\": {\"name\": \"Ursula\"}}");
            assertProblem(response, 400, "validation-failed");
            Map<String, List<String>> errors = response.errors();
            assertThat(errors).containsOnlyKeys("nickname", "author");
            assertThat(errors.get("nickname").get(0)).contains("Book has no column 'nickname'").contains("title");
            assertThat(errors.get("author").get(0)).contains("'author' is a relation of Book");
        });
    }

    @Test
    void impossibleValuesAre400NamingColumnValueAndExpectedType() {
        withApp((app) -> {
            Response response = app.send("POST", "/books", "{\"author_id\": 1, \"title\": \"X\","
                    + " \"published_on\": \"1974-13-01\", \"pages\": 3000000000}");
            assertProblem(response, 400, "validation-failed");
            assertThat(response.errors()).containsEntry("published_on", List.of("\"1974-13-01\" is not a date (expected yyyy-MM-dd)"))
                .containsEntry("pages", List.of("3000000000 is out of range for INTEGER"));
            Response set = app.send("PUT", "/books/" + app.book(), "{\"price\": \"cheap\"}");
            assertProblem(set, 400, "invalid-value");
            assertThat(set.body()).containsEntry("model", "Book").containsEntry("column", "price")
                .containsEntry("detail", "Book.price: \"cheap\" is not a decimal number (expected java.math.BigDecimal)");
            assertThat(set.errors()).containsOnlyKeys("price");
        });
    }

    @Test
    void validationErrorsAre400WithErrorsByColumn() {
        withApp((app) -> {
            Response response = app.send("POST", "/books", "{\"author_id\": 1, \"title\": \" \", \"price\": -1}");
            assertProblem(response, 400, "validation-failed");
            assertThat(response.body()).containsEntry("model", "Book").containsEntry("title", "Invalid Book");
            assertThat(response.errors()).containsEntry("title", List.of("Title is required"))
                .containsEntry("price", List.of("Price must not be negative"));
        });
    }

    @Test
    void aStaleVersionIs409() {
        withApp((app) -> {
            Object id = app.book();
            assertThat(app.send("PUT", "/books/" + id, "{\"title\": \"First\", \"lock_version\": 0}").status()).isEqualTo(200);
            Response stale = app.send("PUT", "/books/" + id, "{\"title\": \"Second\", \"lock_version\": 0}");
            assertProblem(stale, 409, "stale-version");
            assertThat((String) stale.body().get("detail")).contains("Book id=" + id).contains("lock_version");
        });
    }

    @Test
    void aUniqueViolationIs409NamingTheColumnNotTheDatabasesText() {
        withApp((app) -> {
            Response response = app.send("POST", "/authors", "{\"name\": \"Other\", \"email\": \"ursula@example.test\"}");
            assertProblem(response, 409, "unique-violation");
            assertThat(response.body()).containsEntry("model", "Author").containsEntry("columns", List.of("email"))
                .containsEntry("detail", "Another Author has the same email");
            assertThat(((String) response.body().get("constraint"))).isEqualToIgnoringCase("authors_email_key");
            assertThat(response.errors()).containsOnlyKeys("email");
            assertThat(response.text()).doesNotContain("SQL").doesNotContain("PUBLIC").doesNotContain("INSERT")
                .doesNotContain("ursula@");
        });
    }

    @Test
    void aForeignKeyViolationIs409EitherWay() {
        withApp((app) -> {
            Response orphan = app.send("POST", "/books", "{\"author_id\": 999, \"title\": \"Orphan\"}");
            assertProblem(orphan, 409, "foreign-key-violation");
            assertThat(orphan.body()).containsEntry("model", "Book").containsEntry("columns", List.of("author_id"));
            app.book();
            Response referenced = app.send("DELETE", "/authors/1", null);
            assertProblem(referenced, 409, "foreign-key-violation");
            assertThat(referenced.text()).doesNotContain("SQL").doesNotContain("DELETE");
        });
    }

    @Test
    void getByIdOfAMissingRowIs404() {
        withApp((app) -> {
            Response response = app.send("GET", "/books/4242", null);
            assertProblem(response, 404, "not-found");
            assertThat(response.body()).containsEntry("model", "Book").containsEntry("id", "4242")
                .containsEntry("detail", "No Book with id 4242").containsEntry("instance", "/books/4242");
        });
    }

    @Test
    void anUnknownColumnFromTheRequestIs400() {
        withApp((app) -> {
            Response response = app.send("GET", "/books?sort=nope", null);
            assertProblem(response, 400, "unknown-column");
            assertThat((String) response.body().get("detail")).contains("'nope'");
        });
    }

    @Test
    void bulkRowsNameTheirIndex() {
        withApp((app) -> {
            Response typed = app.send("POST", "/books/bulk", "[{\"author_id\": 1, \"title\": \"A\", \"published_on\": \"2001-01-01\"},"
                    + " {\"author_id\": 1, \"title\": \"B\", \"published_on\": \"someday\"}]");
            assertProblem(typed, 400, "invalid-value");
            assertThat(typed.body()).containsEntry("index", 1).containsEntry("column", "published_on");
            Response missing = app.send("POST", "/books/bulk", "[{\"author_id\": 1, \"title\": \"A\", \"published_on\": null},"
                    + " {\"author_id\": 999, \"title\": \"B\", \"published_on\": null}]");
            assertProblem(missing, 409, "foreign-key-violation");
            assertThat(missing.body()).containsAnyOf(Map.entry("index", 1), Map.entry("fromIndex", 0));
        });
    }

    static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.body()).containsEntry("status", status).containsEntry("code", code).containsKey("title");
    }

    /** A test against the app. */
    interface AppTest {

        void run(App app) throws Exception;
    }

    /** The app under test, over MockMvc. */
    record App(MockMvc mvc) {

        Response send(String method, String path, String body) throws Exception {
            var request = switch (method) {
                case "POST" -> post(path);
                case "PUT" -> put(path);
                case "DELETE" -> delete(path);
                default -> get(path);
            };
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).content(body);
            }
            MvcResult result = this.mvc.perform(request).andReturn();
            return new Response(result.getResponse().getStatus(), result.getResponse().getContentType(),
                    result.getResponse().getContentAsString());
        }

        /** Creates a book of author 1 and gives its id. */
        Object book() throws Exception {
            Response created = send("POST", "/books", "{\"author_id\": 1, \"title\": \"A book\"}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            return created.body().get("id");
        }
    }

    /** A response, its JSON body read as a map. */
    record Response(int status, String contentType, String text) {

        @SuppressWarnings("unchecked")
        Map<String, Object> body() {
            return JSON.readValue(this.text, Map.class);
        }

        @SuppressWarnings("unchecked")
        Map<String, List<String>> errors() {
            return (Map<String, List<String>>) body().get("errors");
        }
    }
}

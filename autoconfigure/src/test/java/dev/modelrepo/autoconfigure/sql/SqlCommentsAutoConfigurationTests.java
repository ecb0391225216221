package dev.modelrepo.autoconfigure.sql;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.HandlerMapping;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.autoconfigure.jackson.ModelRepositoryJacksonAutoConfiguration;
import dev.modelrepo.autoconfigure.observation.ModelRepositoryObservationAutoConfiguration;
import dev.modelrepo.autoconfigure.web.ModelRepositoryWebAutoConfiguration;
import dev.modelrepo.autoconfigure.web.books.Author;
import dev.modelrepo.autoconfigure.web.books.BookController;
import dev.modelrepo.observation.SqlCommenter;
import dev.modelrepo.query.QueryCache;
import dev.modelrepo.repository.ModelRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code modelrepo.sql.comments=true} in a Spring MVC app on a real H2 database, read from what its connections
 * prepared: the application, the request's controller and action, and with a tracer the statement's traceparent.
 */
class SqlCommentsAutoConfigurationTests {

    private static final Pattern TRACEPARENT = Pattern.compile("traceparent='00-([0-9a-f]{32})-([0-9a-f]{16})-(0[01])'");

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceTransactionManagerAutoConfiguration.class,
                DataSourceInitializationAutoConfiguration.class, ModelRepositoryAutoConfiguration.class,
                JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                ModelRepositoryWebAutoConfiguration.class, ModelRepositoryJacksonAutoConfiguration.class,
                ModelRepositorySqlCommentsAutoConfiguration.class))
        .withPropertyValues("spring.sql.init.schema-locations=classpath:web/schema.sql",
                "modelrepo.model-packages=dev.modelrepo.autoconfigure.web.books", "spring.application.name=bookshop")
        .withUserConfiguration(RecordingDatabase.class, BookController.class);

    @Test
    void statementsOfARequestNameTheApplicationControllerAndAction() {
        this.contextRunner.withPropertyValues("modelrepo.sql.comments=true").run((context) -> {
            MockMvc mvc = mvc(context);
            mvc.perform(post("/authors").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Ursula\", \"email\": \"ursula@example.test\"}")).andExpect(status().isCreated());
            mvc.perform(get("/books")).andExpect(status().isOk());
            StatementRecordingDataSource sent = context.getBean(StatementRecordingDataSource.class);
            assertThat(sent.on("authors")).isNotEmpty()
                .allSatisfy((sql) -> assertThat(sql)
                    .endsWith(" /*action='createAuthor',application='bookshop',controller='BookController'*/"));
            assertThat(sent.on("books")).singleElement()
                .satisfies((sql) -> assertThat(sql).endsWith(" /*action='list',application='bookshop',controller='BookController'*/"));
        });
    }

    @Test
    void outsideARequestOnlyTheApplicationIsNamed() {
        this.contextRunner.withPropertyValues("modelrepo.sql.comments=true").run((context) -> {
            ModelRepository repository = context.getBean(ModelRepository.class);
            repository.count(repository.query(Author.class, "a"), Map.of());
            assertThat(context.getBean(StatementRecordingDataSource.class).on("authors")).singleElement()
                .satisfies((sql) -> assertThat(sql).endsWith("\"a\" /*application='bookshop'*/"));
        });
    }

    @Test
    void withATracerEachStatementCarriesItsSpansTraceparentAndTheQueryCacheIgnoresIt() {
        this.contextRunner.withPropertyValues("modelrepo.sql.comments=true")
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
                    ModelRepositoryObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class))
            .withUserConfiguration(TracerConfiguration.class)
            .run((context) -> {
                MockMvc mvc = mvc(context);
                QueryCache cache = context.getBean(QueryCache.class);
                mvc.perform(get("/books")).andExpect(status().isOk());
                long size = cache.stats().size();
                long misses = cache.stats().misses();
                mvc.perform(get("/books")).andExpect(status().isOk());
                List<String> sent = context.getBean(StatementRecordingDataSource.class).on("books");
                assertThat(sent).hasSize(2);
                assertThat(sent.get(0)).isNotEqualTo(sent.get(1));
                // the same rendered query, from the cache, whatever its comment
                assertThat(cache.stats().size()).isEqualTo(size);
                assertThat(cache.stats().misses()).isEqualTo(misses);
                List<SimpleSpan> spans = context.getBean(SimpleTracer.class).getSpans().stream()
                    .filter((span) -> "select books".equals(span.getName()))
                    .toList();
                assertThat(spans).hasSize(2);
                for (int i = 0; i < 2; i++) {
                    Matcher traceparent = TRACEPARENT.matcher(sent.get(i));
                    assertThat(traceparent.find()).as(sent.get(i)).isTrue();
                    SimpleSpan span = spans.get(i);
                    assertThat(traceparent.group(1)).endsWith(span.context().traceId());
                    assertThat(traceparent.group(2)).isEqualTo(span.context().spanId());
                    assertThat(traceparent.group(3)).isEqualTo(Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00");
                    assertThat(sent.get(i)).contains("action='list'", "application='bookshop'", "controller='BookController'");
                }
            });
    }

    @Test
    void withoutATracerThereIsNoTraceparent() {
        this.contextRunner.withPropertyValues("modelrepo.sql.comments=true").run((context) -> {
            mvc(context).perform(get("/books")).andExpect(status().isOk());
            assertThat(context.getBean(StatementRecordingDataSource.class).on("books")).singleElement()
                .satisfies((sql) -> assertThat(sql).doesNotContain("traceparent"));
        });
    }

    @Test
    void contributorBeansAddTagsAndACommenterBeanReplacesOurs() {
        this.contextRunner.withPropertyValues("modelrepo.sql.comments=true")
            .withBean("tenantTags", SqlCommentContributor.class, () -> (tags) -> tags.put("tenant", "acme"))
            .run((context) -> {
                mvc(context).perform(get("/books")).andExpect(status().isOk());
                assertThat(context.getBean(StatementRecordingDataSource.class).on("books")).singleElement()
                    .satisfies((sql) -> assertThat(sql)
                        .endsWith(" /*action='list',application='bookshop',controller='BookController',tenant='acme'*/"));
            });
        this.contextRunner.withPropertyValues("modelrepo.sql.comments=true")
            .withBean(SqlCommenter.class, () -> () -> Map.of("service", "books"))
            .run((context) -> {
                assertThat(context).hasSingleBean(SqlCommenter.class);
                mvc(context).perform(get("/books")).andExpect(status().isOk());
                assertThat(context.getBean(StatementRecordingDataSource.class).on("books")).singleElement()
                    .satisfies((sql) -> assertThat(sql).endsWith(" /*service='books'*/"));
            });
    }

    @Test
    void offByDefaultAndWithTheProperty() {
        this.contextRunner.run((context) -> {
            assertThat(context).doesNotHaveBean(SqlCommenter.class);
            mvc(context).perform(get("/books")).andExpect(status().isOk());
            assertThat(context.getBean(StatementRecordingDataSource.class).on("books")).singleElement()
                .satisfies((sql) -> assertThat(sql).doesNotContain("/*"));
        });
        // a commenter of the application's own is only used when comments are on
        this.contextRunner.withPropertyValues("modelrepo.sql.comments=false")
            .withBean(SqlCommenter.class, () -> () -> Map.of("service", "books"))
            .run((context) -> {
                mvc(context).perform(get("/books")).andExpect(status().isOk());
                assertThat(context.getBean(StatementRecordingDataSource.class).on("books")).singleElement()
                    .satisfies((sql) -> assertThat(sql).doesNotContain("/*"));
            });
    }

    @Test
    void micrometerTracingAndSpringMvcStayOptional() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ModelRepositorySqlCommentsAutoConfiguration.class))
            .withPropertyValues("modelrepo.sql.comments=true", "spring.application.name=batch")
            .withClassLoader(new FilteredClassLoader(Tracer.class, HandlerMapping.class))
            .withUserConfiguration(TracerConfiguration.class)
            .run((context) -> {
                assertThat(context).hasNotFailed().doesNotHaveBean(SqlCommentContributor.class);
                assertThat(context.getBean(SqlCommenter.class).tags()).containsExactly(Map.entry("application", "batch"));
            });
    }

    private static MockMvc mvc(AssertableWebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Configuration(proxyBeanMethods = false)
    static class RecordingDatabase {

        @Bean
        StatementRecordingDataSource dataSource() {
            return new StatementRecordingDataSource(DataSourceBuilder.create()
                .url("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .username("sa")
                .build());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TracerConfiguration {

        @Bean
        SimpleTracer simpleTracer() {
            return new SimpleTracer();
        }
    }
}

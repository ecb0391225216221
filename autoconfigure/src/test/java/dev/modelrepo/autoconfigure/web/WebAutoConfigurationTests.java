package dev.modelrepo.autoconfigure.web;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.DefaultConversionService;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;

import dev.modelrepo.autoconfigure.ModelRepositoryAutoConfiguration;
import dev.modelrepo.autoconfigure.jackson.ModelJacksonModule;
import dev.modelrepo.autoconfigure.jackson.ModelRepositoryJacksonAutoConfiguration;
import dev.modelrepo.autoconfigure.web.books.Book;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.types.ValueCoercion;
import dev.modelrepo.types.ValueTypeException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When the problem-details handler, the Jackson module and the coercion are configured, and how each is replaced. */
class WebAutoConfigurationTests {

    @Test
    void theHandlerIsOnInMvcApplicationsAndOffWithTheProperty() {
        WebEdgeTests.RUNNER.run((context) -> assertThat(context).hasSingleBean(ModelProblemDetailsHandler.class));
        WebEdgeTests.RUNNER.withPropertyValues("modelrepo.web.problem-details=false")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ModelProblemDetailsHandler.class));
    }

    @Test
    void theHandlerIsOffOutsideWebApplicationsAndWithoutSpringMvc() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ModelRepositoryWebAutoConfiguration.class))
            .run((context) -> assertThat(context).doesNotHaveBean(ModelProblemDetailsHandler.class));
        WebEdgeTests.RUNNER.withClassLoader(new FilteredClassLoader("org.springframework.web.servlet"))
            .run((context) -> assertThat(context).doesNotHaveBean(ModelProblemDetailsHandler.class));
    }

    @Test
    void anApplicationsOwnHandlerReplacesIt() {
        WebEdgeTests.RUNNER.withUserConfiguration(OwnHandler.class).run((context) -> {
            assertThat(context).hasSingleBean(ModelProblemDetailsHandler.class);
            assertThat(context.getBean(ModelProblemDetailsHandler.class)).isInstanceOf(OwnHandler.Custom.class);
        });
    }

    @Test
    void theJacksonModuleIsRegisteredWithBootsJsonMapper() {
        WebEdgeTests.RUNNER.run((context) -> {
            assertThat(context).hasSingleBean(ModelJacksonModule.class);
            JsonMapper mapper = context.getBean(JsonMapper.class);
            assertThat(mapper.registeredModules()).extracting(JacksonModule::getModuleName).contains("modelrepo");
            Book book = mapper.readValue("{\"title\": \"Dune\", \"published_on\": \"1965-08-01\"}", Book.class);
            assertThat(book.isNew()).isTrue();
            assertThat(book.<Object>get("published_on")).isEqualTo(LocalDate.of(1965, 8, 1));
            assertThat(book.dirtyColumns()).containsExactlyInAnyOrder("title", "published_on");
        });
        WebEdgeTests.RUNNER.withClassLoader(new FilteredClassLoader("tools.jackson.databind.json"))
            .run((context) -> assertThat(context).doesNotHaveBean(ModelJacksonModule.class));
    }

    @Test
    void modelsAreWrittenAsTheirColumnMaps() {
        WebEdgeTests.RUNNER.run((context) -> {
            ModelRepository repo = context.getBean(ModelRepository.class);
            Book book = repo.build(Book.class, Map.of("title", "Dune", "published_on", "1965-08-01", "price", "9.99"));
            String json = context.getBean(JsonMapper.class).writeValueAsString(book);
            // every column of a built model, ISO dates, exact decimals
            assertThat(json).isEqualTo("{\"id\":null,\"author_id\":null,\"title\":\"Dune\",\"published_on\":\"1965-08-01\","
                    + "\"price\":9.99,\"pages\":null,\"in_print\":null,\"cover\":null,\"meta\":null,\"lock_version\":null}");
        });
    }

    @Test
    void theCoercionIsBootsConversionServiceUnlessTheApplicationGivesOne() {
        WebEdgeTests.RUNNER.run((context) -> {
            ModelRepository repo = context.getBean(ModelRepository.class);
            assertThat(repo.registry().coercion().conversionService())
                .isSameAs(org.springframework.boot.convert.ApplicationConversionService.getSharedInstance());
        });
        // a ConversionService without date formatters: ISO text is no date for it
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceInitializationAutoConfiguration.class, ModelRepositoryAutoConfiguration.class))
            .withPropertyValues("spring.datasource.generate-unique-name=true",
                    "spring.sql.init.schema-locations=classpath:web/schema.sql",
                    "modelrepo.model-packages=dev.modelrepo.autoconfigure.web.books")
            .withUserConfiguration(OwnCoercion.class)
            .run((context) -> {
                ModelRepository repo = context.getBean(ModelRepository.class);
                assertThat(repo.registry().coercion()).isSameAs(context.getBean(ValueCoercion.class));
                assertThat(repo.build(Book.class, Map.of("pages", "12")).<Object>get("pages")).isEqualTo(12);
                assertThatThrownBy(() -> repo.build(Book.class, Map.of("published_on", "1965-08-01")))
                    .isInstanceOf(ValueTypeException.class);
            });
    }

    @Test
    void theModuleWorksWithoutSpringBoot() {
        WebEdgeTests.RUNNER.run((context) -> {
            JsonMapper mapper = JsonMapper.builder().addModule(new ModelJacksonModule(context.getBean(ModelRepository.class))).build();
            Book book = mapper.readValue("{\"title\": \"Dune\", \"price\": 9.99, \"cover\": \"AAEC\", \"meta\": [1, 2]}", Book.class);
            assertThat(book.<Object>get("price")).isEqualTo(new java.math.BigDecimal("9.99"));
            assertThat((byte[]) book.get("cover")).containsExactly(0, 1, 2);
            assertThat(book.<Object>get("meta")).isEqualTo("[1,2]");
            assertThatThrownBy(() -> mapper.readValue("[1]", Book.class)).isInstanceOf(tools.jackson.core.JacksonException.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHandler {

        @Bean
        ModelProblemDetailsHandler ownHandler(ObjectProvider<ModelRepository> repositories) {
            return new Custom(repositories);
        }

        static class Custom extends ModelProblemDetailsHandler {

            Custom(ObjectProvider<ModelRepository> repositories) {
                super(repositories);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCoercion {

        @Bean
        ValueCoercion valueCoercion() {
            return ValueCoercion.of(new DefaultConversionService());
        }
    }
}

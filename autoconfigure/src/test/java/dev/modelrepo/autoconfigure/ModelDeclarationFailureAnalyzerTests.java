package dev.modelrepo.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import dev.modelrepo.model.ModelDeclarationException;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up fails when a model's declarations do not match its table, and the analyzer lists every problem. */
class ModelDeclarationFailureAnalyzerTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class, LiquibaseAutoConfiguration.class,
                ModelRepositoryAutoConfiguration.class))
        .withPropertyValues("spring.datasource.generate-unique-name=true",
                "spring.liquibase.change-log=classpath:db/test-changelog.xml",
                "modelrepo.model-packages=dev.modelrepo.autoconfigure.misdeclared");

    @Test
    void misdeclaredModelsFailStartUpListingEveryProblem() {
        this.contextRunner.run((context) -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            assertThat(failure).rootCause().isInstanceOf(ModelDeclarationException.class);
            FailureAnalysis analysis = new ModelDeclarationFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                .startsWith("2 model declarations name columns its table does not have:")
                .contains("MisdeclaredWidget: @Table(version) names the column 'lock_version', which table widgets does not have;"
                        + " it has [id, name]")
                .contains("MisdeclaredWidget: @Table(readBack) names the column 'touched_at'");
            assertThat(analysis.getAction()).contains("Fix each annotation", "modelrepo.model-packages");
        });
    }

    @Test
    void oneProblemIsDescribedInTheSingular() {
        ModelDeclarationException exception = new ModelDeclarationException(List.of(new ModelDeclarationException.Problem(
                "Invoice", "@BelongsTo(customer).key", "customer", "invoices", List.of("id", "client_id"),
                "which table invoices does not have; it has [id, client_id]")));
        FailureAnalysis analysis = new ModelDeclarationFailureAnalyzer().analyze(new IllegalStateException("wrapped", exception));
        assertThat(analysis.getDescription()).isEqualTo("A model declaration names a column its table does not have:\n\t- Invoice:"
                + " @BelongsTo(customer).key names the column 'customer', which table invoices does not have; it has [id, client_id]");
        assertThat(analysis.getCause()).isSameAs(exception);
        assertThat(exception.getMessage()).startsWith("1 model declaration does not match the database:\n- Invoice:");
    }

    @Test
    void analyzerIsRegistered() {
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
            .load(FailureAnalyzer.class, null, (factoryType, implementationName, failure) -> {
            });
        assertThat(analyzers).hasAtLeastOneElementOfType(ModelDeclarationFailureAnalyzer.class);
    }
}

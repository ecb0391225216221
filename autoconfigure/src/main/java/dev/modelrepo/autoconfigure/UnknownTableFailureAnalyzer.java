package dev.modelrepo.autoconfigure;

import java.util.function.Predicate;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.util.ClassUtils;

import dev.modelrepo.model.UnknownTableException;

/**
 * Explains a start-up that failed because a model's table does not exist: names the model, the table and
 * the database, and suggests the migration or the {@code @Table} fix.
 */
class UnknownTableFailureAnalyzer extends AbstractFailureAnalyzer<UnknownTableException> {

    private static final String DATABASE_MARKER = "which does not exist in ";

    private final Predicate<String> classPresent;

    UnknownTableFailureAnalyzer() {
        this((name) -> ClassUtils.isPresent(name, UnknownTableFailureAnalyzer.class.getClassLoader()));
    }

    /** With the test of which migration tool the application has (by class name). */
    UnknownTableFailureAnalyzer(Predicate<String> classPresent) {
        this.classPresent = classPresent;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnknownTableException cause) {
        String description = "The model " + cause.modelName() + " maps to the table '" + cause.tableName()
                + "', which does not exist in " + database(cause) + ".";
        String action = "Create the table '" + cause.tableName() + "' in " + migration() + " that runs at start-up, or fix @Table(name = ...) on " + cause.modelName()
                + ". If the model is not meant for this application, move it out of the scanned packages"
                + " (modelrepo.model-packages).";
        return new FailureAnalysis(description, action, cause);
    }

    /** Where the table is to be created: in the migration tool the application has, else in either. */
    private String migration() {
        boolean liquibase = this.classPresent.test("liquibase.Liquibase");
        boolean flyway = this.classPresent.test("org.flywaydb.core.Flyway");
        if (liquibase != flyway) {
            return liquibase ? "a Liquibase changeSet" : "a Flyway migration (src/main/resources/db/migration)";
        }
        return "a Liquibase changeSet or a Flyway migration";
    }

    /**
     * The database as the exception's message names it ("H2 at jdbc:h2:mem:…"): the exception has no
     * accessor for it.
     */
    private static String database(UnknownTableException cause) {
        String message = cause.getMessage();
        int start = (message != null) ? message.indexOf(DATABASE_MARKER) : -1;
        if (start < 0) {
            return "the database";
        }
        start += DATABASE_MARKER.length();
        int end = message.indexOf(". ", start);
        return (end > start) ? message.substring(start, end) : message.substring(start);
    }
}

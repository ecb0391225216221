package dev.modelrepo.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.modelrepo.model.ModelDeclarationException;

/**
 * Explains a start-up that failed because model declarations do not match their tables: lists each model, the
 * annotation, the column it names and the columns that exist, and says how to fix it.
 */
class ModelDeclarationFailureAnalyzer extends AbstractFailureAnalyzer<ModelDeclarationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ModelDeclarationException cause) {
        StringBuilder description = new StringBuilder(cause.problems().size() == 1 ? "A model declaration names a column"
                : cause.problems().size() + " model declarations name columns").append(" its table does not have:");
        for (ModelDeclarationException.Problem problem : cause.problems()) {
            description.append("\n\t- ").append(problem);
        }
        String action = "Fix each annotation to name a column of its table (as in the list of columns it has), or add the"
                + " column in the migration (Liquibase changeSet or Flyway migration) that runs at start-up. If a model is not"
                + " meant for this application, move it out of the scanned packages (modelrepo.model-packages).";
        return new FailureAnalysis(description.toString(), action, cause);
    }
}

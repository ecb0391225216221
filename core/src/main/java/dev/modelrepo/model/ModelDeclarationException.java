package dev.modelrepo.model;

import java.util.List;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Model declarations that do not match the database, found when the registry loads ({@link ModelRegistry#loadAll()},
 * which the Spring Boot auto-configuration runs at start-up): a version column, relation key, converted column or
 * read-back column the table does not have, or a version column that holds no integer. Lists every problem at once.
 */
public class ModelDeclarationException extends InvalidDataAccessApiUsageException {

    /**
     * One mismatch: the model, the annotation attribute (e.g. {@code @BelongsTo(company).key}), the column it names,
     * the table it was looked for in, the columns that table has, and what is wrong.
     */
    public record Problem(String model, String annotation, String column, String table, List<String> existing, String detail) {

        public Problem {
            existing = List.copyOf(existing);
        }

        @Override
        public String toString() {
            return model + ": " + annotation + " names the column '" + column + "', " + detail;
        }
    }

    private final List<Problem> problems;

    public ModelDeclarationException(List<Problem> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every mismatch, in registration order of the models. */
    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        StringBuilder sb = new StringBuilder().append(problems.size())
                .append(problems.size() == 1 ? " model declaration does not" : " model declarations do not").append(" match the database:");
        for (Problem problem : problems) {
            sb.append("\n- ").append(problem);
        }
        return sb.toString();
    }
}

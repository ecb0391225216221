package dev.modelrepo.observation;

/**
 * Told of every statement a repository runs, on the thread that runs it and just before it runs, whatever the
 * observation, metrics and logging settings; registered with
 * {@code ModelRepository.Builder.statementListener(…)}. It must be quick and should not
 * throw: what it throws stops the statement.
 */
@FunctionalInterface
public interface StatementListener {

    /**
     * A statement is about to run.
     * @param operation what it does ({@code select}, {@code insert}, {@code stream}, … as in the {@code modelrepo.query}
     * observation)
     * @param model the table (lower case) or model it works on
     * @param sql its SQL, with placeholders
     */
    void onStatement(String operation, String model, String sql);
}

package dev.modelrepo.autoconfigure.test;

import java.util.List;

/** A guarded call or test method ran more modelrepo statements than allowed: an N+1 loop, most of the time. */
public class TooManyStatementsError extends AssertionError {

    private final transient List<StatementCounter.Statement> statements;

    private final int max;

    public TooManyStatementsError(String message, List<StatementCounter.Statement> statements, int max) {
        super(message);
        this.statements = List.copyOf(statements);
        this.max = max;
    }

    /** The statements that ran. */
    public List<StatementCounter.Statement> statements() {
        return this.statements;
    }

    /** The number allowed. */
    public int max() {
        return this.max;
    }
}

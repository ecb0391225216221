package dev.modelrepo.autoconfigure.test;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the N+1 statement guard of {@link ModelRepositoryTest}. */
@ConfigurationProperties("modelrepo.test")
public class StatementGuardProperties {

    /**
     * What happens when a guarded call (StatementCounter.call) or test method (@ExpectMaxStatements) runs more
     * statements than allowed: fail the test, or log a warning.
     */
    private Mode nPlusOne = Mode.FAIL;

    /**
     * Number of statements one guarded call may run when neither StatementCounter.call nor @ExpectMaxStatements
     * says.
     */
    private int maxStatements = 10;

    public Mode getNPlusOne() {
        return this.nPlusOne;
    }

    public void setNPlusOne(Mode nPlusOne) {
        this.nPlusOne = nPlusOne;
    }

    public int getMaxStatements() {
        return this.maxStatements;
    }

    public void setMaxStatements(int maxStatements) {
        this.maxStatements = maxStatements;
    }

    /** What the guard does on too many statements. */
    public enum Mode {

        /** Fail the test with a {@link TooManyStatementsError}. */
        FAIL,

        /** Log a warning naming the statements; the test goes on. */
        WARN

    }
}

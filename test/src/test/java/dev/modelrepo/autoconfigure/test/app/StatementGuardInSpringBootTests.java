package dev.modelrepo.autoconfigure.test.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import dev.modelrepo.autoconfigure.test.AutoConfigureStatementGuard;
import dev.modelrepo.autoconfigure.test.StatementCounter;
import dev.modelrepo.autoconfigure.test.TooManyStatementsError;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard in a full {@code @SpringBootTest} (every auto-configuration, the whole application). */
@SpringBootTest
@AutoConfigureTestDatabase
@AutoConfigureStatementGuard
@Import(RosterConfiguration.class)
class StatementGuardInSpringBootTests {

    @Autowired
    private StatementCounter statements;

    @Autowired
    private Roster roster;

    @Autowired
    private MailService mail;

    @Test
    void guardsCallsInTheWholeApplication() {
        this.statements.run(2, this.roster::playersPerTeam);
        assertThatThrownBy(() -> this.statements.run(2, this.roster::playersPerTeamOneByOne))
            .isInstanceOf(TooManyStatementsError.class);
    }
}

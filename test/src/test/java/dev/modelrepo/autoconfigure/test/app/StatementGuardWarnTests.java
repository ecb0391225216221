package dev.modelrepo.autoconfigure.test.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;

import dev.modelrepo.autoconfigure.test.ExpectMaxStatements;
import dev.modelrepo.autoconfigure.test.ModelRepositoryTest;
import dev.modelrepo.autoconfigure.test.StatementCounter;
import dev.modelrepo.autoconfigure.test.StatementGuardProperties;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code modelrepo.test.n-plus-one=warn}: too many statements log a warning and the test goes on. */
@ModelRepositoryTest(properties = { "modelrepo.test.n-plus-one=warn", "modelrepo.test.max-statements=3" })
@Import(RosterConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class StatementGuardWarnTests {

    @Autowired
    private StatementCounter statements;

    @Autowired
    private Roster roster;

    @Test
    void aCallOverTheLimitWarns(CapturedOutput output) {
        assertThat(this.statements.mode()).isEqualTo(StatementGuardProperties.Mode.WARN);
        assertThat(this.statements.defaultMax()).isEqualTo(3);
        assertThat(this.statements.call(this.roster::playersPerTeamOneByOne)).hasSize(4);
        assertThat(output).contains("WARN").contains("The call ran 5 modelrepo statements, more than the 3 allowed");
    }

    @Test
    @ExpectMaxStatements(1)
    void aTestMethodOverTheLimitWarns(CapturedOutput output) {
        this.roster.playersPerTeam();
        // the guard checks after the method: nothing logged yet
        assertThat(output).doesNotContain("The test method aTestMethodOverTheLimitWarns()");
    }
}

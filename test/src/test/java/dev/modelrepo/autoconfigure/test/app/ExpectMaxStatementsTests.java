package dev.modelrepo.autoconfigure.test.app;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import dev.modelrepo.autoconfigure.test.ExpectMaxStatements;
import dev.modelrepo.autoconfigure.test.ModelRepositoryTest;
import dev.modelrepo.autoconfigure.test.TooManyStatementsError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** Runs test classes that use {@link ExpectMaxStatements} on the JUnit engine and looks at their outcome. */
class ExpectMaxStatementsTests {

    @Test
    void aTestMethodWithAnNPlusOneLoopFails() {
        Events tests = EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(GuardedTests.class))
            .execute()
            .testEvents();
        tests.assertStatistics((stats) -> stats.started(3).succeeded(2).failed(1));
        tests.assertThatEvents()
            .haveExactly(1, event(test("loopsOverTeams"), finishedWithFailure(instanceOf(TooManyStatementsError.class),
                    message((m) -> m.startsWith("The test method loopsOverTeams() ran 5 modelrepo statements, more than"
                            + " the 2 allowed")))));
    }

    @Test
    void theClassLevelLimitAppliesToEveryMethod() {
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(ClassLimitedTests.class))
            .execute()
            .testEvents()
            .assertStatistics((stats) -> stats.started(2).succeeded(1).failed(1));
    }

    /** Not run by the build itself (a nested class): run through the engine test kit above. */
    @ModelRepositoryTest
    @Import(RosterConfiguration.class)
    static class GuardedTests {

        @Autowired
        Roster roster;

        @Test
        @ExpectMaxStatements(2)
        void loopsOverTeams() {
            assertThat(this.roster.playersPerTeamOneByOne()).hasSize(4);
        }

        @Test
        @ExpectMaxStatements(2)
        void includesThePlayers() {
            assertThat(this.roster.playersPerTeam()).hasSize(4);
        }

        @Test
        void withoutTheAnnotationNothingIsCounted() {
            assertThat(this.roster.playersPerTeamOneByOne()).hasSize(4);
        }
    }

    @ModelRepositoryTest
    @Import(RosterConfiguration.class)
    @ExpectMaxStatements(3)
    static class ClassLimitedTests {

        @Autowired
        Roster roster;

        @Test
        void loopsOverTeams() {
            this.roster.playersPerTeamOneByOne();
        }

        @Test
        void includesThePlayers() {
            this.roster.playersPerTeam();
        }
    }
}

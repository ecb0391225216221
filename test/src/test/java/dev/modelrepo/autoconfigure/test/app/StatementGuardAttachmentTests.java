package dev.modelrepo.autoconfigure.test.app;

import javax.sql.DataSource;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Import;

import dev.modelrepo.autoconfigure.test.ExpectMaxStatements;
import dev.modelrepo.autoconfigure.test.ModelRepositoryTest;
import dev.modelrepo.autoconfigure.test.StatementCounter;
import dev.modelrepo.autoconfigure.test.TooManyStatementsError;
import dev.modelrepo.repository.ModelRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * A repository the auto-configuration did not build: the guard cannot see its statements unless attached to it,
 * and says so rather than passing.
 */
class StatementGuardAttachmentTests {

    @Nested
    @ModelRepositoryTest
    @Import({ RosterConfiguration.class, HandBuiltRepository.class })
    class Unattached {

        @Autowired
        StatementCounter statements;

        @Autowired
        Roster roster;

        @Test
        void aGuardedCallFailsLoudly() {
            assertThatThrownBy(() -> this.statements.call(2, this.roster::playersPerTeamOneByOne))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("attached to no ModelRepository")
                .hasMessageContaining("attachTo(builder)");
            assertThatThrownBy(() -> this.statements.statementsOf(this.roster::playersPerTeam))
                .isInstanceOf(IllegalStateException.class);
        }
    }

    /** Outside the slice's test transaction: the engine runs the other class's tests on this thread. */
    @Test
    void anUnattachedTestMethodWithALimitFailsLoudly() {
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(UnattachedLimitedTests.class))
            .execute()
            .testEvents()
            .assertThatEvents()
            .haveExactly(1, event(test("withinTheLimit"), finishedWithFailure(instanceOf(IllegalStateException.class),
                    message((m) -> m.contains("attached to no ModelRepository")))));
    }

    @Nested
    @ModelRepositoryTest
    @Import({ RosterConfiguration.class, AttachedHandBuiltRepository.class })
    class AttachedByHand {

        @Autowired
        StatementCounter statements;

        @Autowired
        Roster roster;

        @Test
        void theGuardCountsItsStatements() {
            assertThat(this.statements.statementsOf(this.roster::playersPerTeam)).hasSize(2);
            assertThatThrownBy(() -> this.statements.call(2, this.roster::playersPerTeamOneByOne))
                .isInstanceOf(TooManyStatementsError.class);
        }
    }

    /** Not run by the build itself (a nested class): run through the engine test kit above. */
    @ModelRepositoryTest
    @Import({ RosterConfiguration.class, HandBuiltRepository.class })
    static class UnattachedLimitedTests {

        @Autowired
        Roster roster;

        @Test
        @ExpectMaxStatements(10)
        void withinTheLimit() {
            this.roster.playersPerTeam();
        }
    }

    /** Built without ModelRepositories, so the auto-configured repository backs off and no customizer runs. */
    @TestConfiguration(proxyBeanMethods = false)
    static class HandBuiltRepository {

        @Bean
        @DependsOn("liquibase")
        ModelRepository handBuiltRepository(DataSource dataSource) {
            return ModelRepository.builder(dataSource).build();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class AttachedHandBuiltRepository {

        @Bean
        @DependsOn("liquibase")
        ModelRepository handBuiltRepository(DataSource dataSource, StatementCounter statements) {
            ModelRepository.Builder builder = ModelRepository.builder(dataSource);
            statements.attachTo(builder);
            return builder.build();
        }
    }
}

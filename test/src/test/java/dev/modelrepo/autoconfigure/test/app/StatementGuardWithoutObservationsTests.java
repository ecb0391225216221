package dev.modelrepo.autoconfigure.test.app;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.modelrepo.autoconfigure.test.ModelRepositoryTest;
import dev.modelrepo.autoconfigure.test.StatementCounter;
import dev.modelrepo.autoconfigure.test.TooManyStatementsError;
import dev.modelrepo.observation.QueryContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guard counts statements itself: whatever turns the {@code modelrepo.query} observations off leaves it
 * counting. Each case also proves the observations really are off (a handler in the context sees none).
 */
class StatementGuardWithoutObservationsTests {

    @Nested
    @ModelRepositoryTest(properties = "management.observations.enable.modelrepo=false")
    @Import({ RosterConfiguration.class, ObservedQueries.class })
    class ObservationsDisabledByProperty extends GuardCase {

        @Test
        void theGuardStillFailsAnNPlusOneLoop() {
            assertGuardFails(0);
        }
    }

    @Nested
    @ModelRepositoryTest(properties = "modelrepo.metrics.enabled=false")
    @Import({ RosterConfiguration.class, ObservedQueries.class })
    class MetricsDisabled extends GuardCase {

        @Test
        void theGuardStillFailsAnNPlusOneLoop() {
            assertGuardFails(0);
        }
    }

    @Nested
    @ModelRepositoryTest
    @Import({ RosterConfiguration.class, ObservedQueries.class, RejectQueries.class })
    class ObservationsRejectedByAPredicate extends GuardCase {

        @Test
        void theGuardStillFailsAnNPlusOneLoop() {
            assertGuardFails(0);
        }
    }

    /** The control: with observations on, the handler sees the loop's statements, so a 0 above means they are off. */
    @Nested
    @ModelRepositoryTest
    @Import({ RosterConfiguration.class, ObservedQueries.class })
    class ObservationsOn extends GuardCase {

        @Test
        void theHandlerSeesTheStatementsTheGuardCounts() {
            assertGuardFails(5);
        }
    }

    /** What every case injects, and the loop it runs under the guard. */
    abstract static class GuardCase {

        @Autowired
        StatementCounter statements;

        @Autowired
        Roster roster;

        @Autowired
        ObservedQueries observed;

        /** The N+1 loop fails the guard with its 5 statements; the handler saw {@code observations} of them. */
        void assertGuardFails(int observations) {
            int before = this.observed.count.get();
            assertThatThrownBy(() -> this.statements.call(2, this.roster::playersPerTeamOneByOne))
                .isInstanceOfSatisfying(TooManyStatementsError.class, (error) -> {
                    assertThat(error.statements()).hasSize(5);
                    assertThat(error.getMessage()).contains("ran 5 modelrepo statements, more than the 2 allowed");
                });
            assertThat(this.observed.count.get() - before).as("modelrepo.query observations").isEqualTo(observations);
        }
    }

    /** Counts the modelrepo.query observations that reach the context's ObservationRegistry. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ObservedQueries implements ObservationHandler<QueryContext> {

        final AtomicInteger count = new AtomicInteger();

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof QueryContext;
        }

        @Override
        public void onStop(QueryContext context) {
            this.count.incrementAndGet();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class RejectQueries {

        @Bean
        ObservationPredicate rejectModelRepositoryQueries() {
            return (name, context) -> !name.equals("modelrepo.query");
        }
    }
}

package dev.modelrepo.autoconfigure.test.app;

import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.modelrepo.autoconfigure.test.ModelRepositoryTest;
import dev.modelrepo.autoconfigure.test.StatementCounter;
import dev.modelrepo.autoconfigure.test.TooManyStatementsError;
import dev.modelrepo.dialect.H2Dialect;
import dev.modelrepo.lock.LockOperations;
import dev.modelrepo.repository.ModelRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The slice on an embedded H2 database migrated by Liquibase: its beans, its rollback, its N+1 guard. */
@ModelRepositoryTest
@Import(RosterConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelRepositoryTestSliceTests {

    @Autowired
    private ApplicationContext context;

    @Autowired
    private ModelRepository repository;

    @Autowired
    private StatementCounter statements;

    @Autowired
    private Roster roster;

    @Autowired
    private AuditListener audit;

    @Test
    void holdsTheDataLayerAndTheListenersOnly() {
        assertThat(this.context.getBeanNamesForType(ModelRepository.class)).hasSize(1);
        assertThat(this.context.getBeanNamesForType(LockOperations.class)).hasSize(1);
        assertThat(this.context.getBeanNamesForType(PlatformTransactionManager.class)).hasSize(1);
        assertThat(this.context.getBeanNamesForType(MailService.class)).isEmpty();
        assertThat(this.context.containsBean("liquibase")).isTrue();
        assertThat(this.repository.registry().modelTypes()).containsExactlyInAnyOrder(Team.class, Player.class);
    }

    @Test
    void replacesTheConfiguredDataSourceWithAnEmbeddedH2() throws Exception {
        assertThat(this.repository.dialect()).isSameAs(H2Dialect.INSTANCE);
        try (Connection connection = this.context.getBean(DataSource.class).getConnection()) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:mem:");
        }
        assertThat(this.repository.count(this.repository.query(Team.class, "t"), Map.of())).isEqualTo(4);
    }

    @Test
    @Order(1)
    void eachTestRunsInATransaction() {
        assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
        this.repository.saveOrThrow(this.repository.build(Team.class, Map.of("name", "Purples")));
        assertThat(this.repository.count(this.repository.query(Team.class, "t"), Map.of())).isEqualTo(5);
        assertThat(this.audit.inserted).contains("Purples");
    }

    @Test
    @Order(2)
    void andItIsRolledBackAfterwards() {
        // the team the test before saved is gone, so the same insert works again
        assertThat(this.repository.count(this.repository.query(Team.class, "t"), Map.of())).isEqualTo(4);
        this.repository.saveOrThrow(this.repository.build(Team.class, Map.of("name", "Purples")));
        assertThat(this.repository.count(this.repository.query(Team.class, "t"), Map.of())).isEqualTo(5);
    }

    @Test
    void theGuardFailsOnAnNPlusOneLoop() {
        assertThatThrownBy(() -> this.statements.call(2, this.roster::playersPerTeamOneByOne))
            .isInstanceOfSatisfying(TooManyStatementsError.class, (error) -> {
                assertThat(error.statements()).hasSize(5);
                assertThat(error.max()).isEqualTo(2);
                assertThat(error.getMessage()).contains("ran 5 modelrepo statements, more than the 2 allowed")
                    .contains("(N+1)")
                    .contains("4 x SELECT");
            });
    }

    @Test
    void theGuardPassesWithInclude() {
        Map<String, Integer> counts = this.statements.call(2, this.roster::playersPerTeam);
        assertThat(counts).containsExactly(Map.entry("Reds", 2), Map.entry("Blues", 1), Map.entry("Greens", 1),
                Map.entry("Golds", 1));
        assertThat(this.statements.statementsOf(this.roster::playersPerTeam)).hasSize(2)
            .extracting(StatementCounter.Statement::model)
            .containsExactly("teams", "players");
    }

    @Test
    void theGuardCountsAStreamAsOneStatement() {
        assertThat(this.statements.statementsOf(() -> {
            try (var teams = this.repository.stream(this.repository.query(Team.class, "t"), Map.of(), 2)) {
                assertThat(teams.count()).isEqualTo(4);
            }
        })).singleElement().satisfies((statement) -> {
            assertThat(statement.operation()).isEqualTo("stream");
            assertThat(statement.model()).isEqualTo("teams");
        });
    }

    @Test
    void bothWaysGiveTheSameAnswer() {
        assertThat(this.roster.playersPerTeamOneByOne()).isEqualTo(this.roster.playersPerTeam());
    }

    @Test
    void theDefaultLimitComesFromTheProperties() {
        assertThat(this.statements.defaultMax()).isEqualTo(10);
        this.statements.run(this.roster::playersPerTeamOneByOne);   // 5 statements: within the default 10
    }

    @Test
    void recordingsNest() {
        try (StatementCounter.Recording outer = this.statements.start()) {
            this.repository.count(this.repository.query(Team.class, "t"), Map.of());
            assertThat(this.statements.statementsOf(this.roster::playersPerTeam)).hasSize(2);
            assertThat(outer.count()).isEqualTo(3);
        }
    }
}

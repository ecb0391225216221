package dev.modelrepo.autoconfigure.test.app;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.modelrepo.autoconfigure.test.ModelRepositoryTest;
import dev.modelrepo.autoconfigure.test.StatementCounter;
import dev.modelrepo.dialect.PostgresDialect;
import dev.modelrepo.repository.ModelRepository;
import dev.modelrepo.test.Engine;
import dev.modelrepo.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice on a real PostgreSQL: {@code replace = NONE} keeps the configured URL (here a schema of its own, made
 * and dropped around the class). Skipped when no PostgreSQL answers, except under CI=true, where that fails.
 */
@ModelRepositoryTest
@AutoConfigureTestDatabase(replace = Replace.NONE)
@Import(RosterConfiguration.class)
@DirtiesContext
class RealDatabaseSliceTests {

    private static TestDatabase database;

    @Autowired
    private ModelRepository repository;

    @Autowired
    private StatementCounter statements;

    @Autowired
    private Roster roster;

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.create(Engine.POSTGRESQL);
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> database.jdbcUrl());
        registry.add("spring.datasource.username", () -> database.username());
        registry.add("spring.datasource.password", () -> database.password());
        registry.add("spring.liquibase.default-schema", () -> database.name());
    }

    @Test
    void runsOnTheConfiguredDatabase() {
        assertThat(this.repository.dialect()).isSameAs(PostgresDialect.INSTANCE);
        assertThat(this.repository.count(this.repository.query(Team.class, "t"), Map.of())).isEqualTo(4);
    }

    @Test
    void theGuardCountsTheSameOnPostgresql() {
        assertThat(this.statements.statementsOf(this.roster::playersPerTeamOneByOne)).hasSize(5);
        assertThat(this.statements.statementsOf(this.roster::playersPerTeam)).hasSize(2);
    }
}

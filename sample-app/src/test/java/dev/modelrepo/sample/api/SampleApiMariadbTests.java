package dev.modelrepo.sample.api;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.modelrepo.test.Engine;

/** The HTTP API on MariaDB (a database of its own); the database is made for this class and dropped after it. */
@EngineUnderTest(Engine.MARIADB)
class SampleApiMariadbTests extends SampleApiContract {

    @BeforeAll
    static void database() {
        open(Engine.MARIADB);
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        properties(registry);
    }
}

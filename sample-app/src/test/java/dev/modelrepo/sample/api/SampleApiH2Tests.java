package dev.modelrepo.sample.api;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.modelrepo.test.Engine;

/** The HTTP API on an in-memory H2 database of its own; the database is made for this class and dropped after it. */
@EngineUnderTest(Engine.H2)
class SampleApiH2Tests extends SampleApiContract {

    @BeforeAll
    static void database() {
        open(Engine.H2);
    }

    @DynamicPropertySource
    static void datasource(DynamicPropertyRegistry registry) {
        properties(registry);
    }
}

package dev.modelrepo.autoconfigure.test.app;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.modelrepo.repository.ModelRepository;

/** Brings the service under test into the slice. */
@TestConfiguration(proxyBeanMethods = false)
class RosterConfiguration {

    @Bean
    Roster roster(ModelRepository repository) {
        return new Roster(repository);
    }
}

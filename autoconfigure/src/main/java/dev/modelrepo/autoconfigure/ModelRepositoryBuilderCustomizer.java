package dev.modelrepo.autoconfigure;

import dev.modelrepo.repository.ModelRepository;

/**
 * Customizes the {@link ModelRepository.Builder} of the auto-configured repository and of the repositories that
 * {@link ModelRepositories#builder} creates, before they are built. Beans of this type are applied in their
 * {@link org.springframework.core.Ordered order}; the observation wiring is one of them.
 */
@FunctionalInterface
public interface ModelRepositoryBuilderCustomizer {

    /** Changes the builder; the DataSource, dialect, registry and query cache are already set. */
    void customize(ModelRepository.Builder builder);
}

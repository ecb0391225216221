package dev.modelrepo.autoconfigure.test;

import java.util.Set;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

import dev.modelrepo.model.ModelListener;

/** The components a {@link ModelRepositoryTest} scans: the application's {@link ModelListener}s, nothing else. */
class ModelRepositoryTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<ModelRepositoryTest> {

    private static final Set<Class<?>> DEFAULT_INCLUDES = Set.of(ModelListener.class);

    ModelRepositoryTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
    }

    @Override
    protected Set<Class<?>> getKnownIncludes() {
        return DEFAULT_INCLUDES;
    }
}

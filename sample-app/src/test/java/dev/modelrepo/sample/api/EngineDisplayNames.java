package dev.modelrepo.sample.api;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.DisplayNameGenerator;

/** Test names with the engine of their class's {@link EngineUnderTest}: {@code staleUpdateIsAConflict [mariadb]}. */
class EngineDisplayNames extends DisplayNameGenerator.Standard {

    @Override
    public String generateDisplayNameForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass,
            Method testMethod) {
        EngineUnderTest engine = testClass.getAnnotation(EngineUnderTest.class);
        return testMethod.getName() + ((engine != null) ? " [" + engine.value().displayName() + "]" : "");
    }
}

package dev.modelrepo.test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter extension behind {@link EngineTest}: one invocation per engine, one database per
 * engine and test class.
 */
public final class EngineTestExtension implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EngineTestExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), EngineTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        EngineTest annotation = AnnotationSupport.findAnnotation(method, EngineTest.class).orElseThrow();
        String name = AnnotationSupport.findAnnotation(method, DisplayName.class)
                .map(DisplayName::value)
                .orElse(method.getName());
        return Arrays.stream(annotation.engines()).distinct().map(engine -> new Invocation(name, engine));
    }

    /** Returns the database of {@code engine} for the test class of {@code context}, made on first use. */
    static TestDatabase database(ExtensionContext context, Engine engine) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        // A store sees its parents' values: the class's unique id keeps a @Nested class from getting
        // its outer class's database.
        ExtensionContext.Store store = classContext.getStore(NAMESPACE.append(classContext.getUniqueId()));
        return store.computeIfAbsent(engine, e -> open(e, testClass), TestDatabase.class);
    }

    private static TestDatabase open(Engine engine, Class<?> testClass) {
        TestDatabase database = TestDatabase.create(engine);
        Optional<Changelog> changelog = changelog(testClass);
        if (changelog.isPresent()) {
            try {
                database.migrate(changelog.get().value());
            } catch (RuntimeException e) {
                try {
                    database.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
        }
        return database;
    }

    private static Optional<Changelog> changelog(Class<?> testClass) {
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            Optional<Changelog> found = AnnotationSupport.findAnnotation(type, Changelog.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** One run of a test method on one engine. */
    private record Invocation(String name, Engine engine) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return name + " [" + engine.displayName() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new EngineResolver(engine));
        }
    }

    /** Gets the database ready before each run (skipping or failing when the engine is missing) and injects it. */
    private record EngineResolver(Engine engine) implements BeforeEachCallback, ParameterResolver {

        @Override
        public void beforeEach(ExtensionContext context) {
            database(context, engine);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == TestDatabase.class || type == Engine.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Engine.class ? engine : database(context, engine);
        }
    }
}

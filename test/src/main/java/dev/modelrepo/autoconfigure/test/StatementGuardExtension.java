package dev.modelrepo.autoconfigure.test;

import java.lang.reflect.Method;
import java.util.Optional;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Applies {@link ExpectMaxStatements}: records the statements of the test method's execution on its thread and
 * hands them to the {@link StatementCounter} bean's check when the method ends.
 */
public class StatementGuardExtension implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
        .create(StatementGuardExtension.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        Optional<ExpectMaxStatements> expectation = expectation(context);
        if (expectation.isEmpty()) {
            return;
        }
        StatementCounter counter = SpringExtension.getApplicationContext(context)
            .getBeanProvider(StatementCounter.class)
            .getIfAvailable();
        if (counter == null) {
            throw new IllegalStateException("@ExpectMaxStatements needs a StatementCounter bean: annotate the test class"
                    + " with @ModelRepositoryTest or @AutoConfigureStatementGuard");
        }
        store(context).put(StatementCounter.Recording.class, counter.start());
        store(context).put(StatementCounter.class, counter);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        StatementCounter.Recording recording = store(context).remove(StatementCounter.Recording.class,
                StatementCounter.Recording.class);
        StatementCounter counter = store(context).remove(StatementCounter.class, StatementCounter.class);
        if (recording == null || counter == null) {
            return;
        }
        recording.close();
        int max = expectation(context).map(ExpectMaxStatements::value).orElse(-1);
        Method method = context.getRequiredTestMethod();
        counter.check(recording.statements(), (max >= 0) ? max : counter.defaultMax(),
                "The test method " + method.getName() + "()");
    }

    private static Optional<ExpectMaxStatements> expectation(ExtensionContext context) {
        ExpectMaxStatements onMethod = AnnotatedElementUtils.findMergedAnnotation(context.getRequiredTestMethod(),
                ExpectMaxStatements.class);
        if (onMethod != null) {
            return Optional.of(onMethod);
        }
        return Optional.ofNullable(
                AnnotatedElementUtils.findMergedAnnotation(context.getRequiredTestClass(), ExpectMaxStatements.class));
    }

    private static ExtensionContext.Store store(ExtensionContext context) {
        return context.getStore(NAMESPACE);
    }
}

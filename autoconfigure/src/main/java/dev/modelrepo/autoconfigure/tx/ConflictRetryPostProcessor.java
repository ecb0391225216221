package dev.modelrepo.autoconfigure.tx;

import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;

import dev.modelrepo.tx.RetryOnConflict;

/**
 * Advises beans with {@link RetryOnConflict} methods or classes, in front of the advisors they already have (as Spring
 * applies {@code @Retryable}), so that the retry wraps the transaction interceptor: each attempt is a new transaction.
 */
class ConflictRetryPostProcessor extends AbstractBeanFactoryAwareAdvisingPostProcessor {

    private final ConflictRetryInterceptor interceptor;

    ConflictRetryPostProcessor(ConflictRetryInterceptor interceptor) {
        this.interceptor = interceptor;
        setBeforeExistingAdvisors(true);
        setProxyTargetClass(true);
        ComposablePointcut pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(RetryOnConflict.class, true))
                .union(new AnnotationMatchingPointcut(null, RetryOnConflict.class, true));
        this.advisor = new DefaultPointcutAdvisor(pointcut, interceptor);
    }

    ConflictRetryInterceptor interceptor() {
        return interceptor;
    }
}

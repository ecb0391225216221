package dev.modelrepo.autoconfigure.sql;

import java.util.Map;

import org.springframework.util.ClassUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * {@code controller} and {@code action}: the class and method of the Spring MVC handler of the request the current
 * thread serves, as the handler mapping recorded it ({@link HandlerMapping#BEST_MATCHING_HANDLER_ATTRIBUTE}); only the
 * controller for a handler that is not a method; nothing outside a request, or before a handler was chosen.
 */
final class MvcHandlerCommentContributor implements SqlCommentContributor {

    @Override
    public void contribute(Map<String, String> tags) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (handler instanceof HandlerMethod method) {
            tags.put("controller", method.getBeanType().getSimpleName());
            tags.put("action", method.getMethod().getName());
        }
        else if (handler != null && !handler.getClass().isSynthetic()) {
            // an HttpRequestHandler or a Controller: its class (a functional endpoint's lambda has no name to give)
            tags.put("controller", ClassUtils.getUserClass(handler).getSimpleName());
        }
    }
}

package io.mq.spring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Rejects every call to the {@link MqAdminController} except {@code GET}, {@code HEAD} and {@code OPTIONS} with an
 * {@link AdminReadOnlyException}, before the request body is read. Other handlers are left alone.
 */
public final class ReadOnlyAdminInterceptor implements HandlerInterceptor {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && MqAdminController.class.isAssignableFrom(method.getBeanType())
                && !SAFE_METHODS.contains(request.getMethod())) {
            throw new AdminReadOnlyException(request.getMethod(), request.getRequestURI());
        }
        return true;
    }
}

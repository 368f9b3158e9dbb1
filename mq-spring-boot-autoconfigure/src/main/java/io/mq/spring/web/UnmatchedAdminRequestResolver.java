package io.mq.spring.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Answers requests under the admin API's path that no endpoint takes with {@code application/problem+json}, like
 * every other admin failure: 404 for a path with no endpoint, 405 (with {@code Allow}) for a method the endpoint does
 * not support. Requests outside the admin path keep the application's own handling. Runs before Spring MVC's default
 * resolvers; {@link MqAdminExceptionHandler} covers everything that reaches the controller.
 */
public class UnmatchedAdminRequestResolver implements HandlerExceptionResolver, Ordered {

    /** Before Spring MVC's resolvers (order 0), after Boot's error-attribute recorder (highest precedence). */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final Log log = LogFactory.getLog(UnmatchedAdminRequestResolver.class);

    private final PathPattern adminPaths;
    private final ObjectMapper json;

    /**
     * @param adminPathPattern the admin API's paths, e.g. {@code /admin/**}
     * @param json             writes the problem (the application's mapper, so {@code spring.jackson.*} applies)
     */
    public UnmatchedAdminRequestResolver(String adminPathPattern, ObjectMapper json) {
        this.adminPaths = PathPatternParser.defaultInstance.parse(adminPathPattern);
        this.json = Objects.requireNonNull(json, "json");
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        if (!adminPaths.matches(PathContainer.parsePath(path)) || response.isCommitted()) {
            return null;
        }
        ProblemDetail problem;
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No admin endpoint at " + request.getMethod() + " " + path);
            problem.setTitle("Not found");
        } else if (ex instanceof HttpRequestMethodNotSupportedException unsupported) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                    request.getMethod() + " is not supported at " + path + "; supported: "
                            + String.join(", ", Objects.requireNonNullElse(unsupported.getSupportedMethods(),
                                    new String[0])));
            problem.setTitle("Method not allowed");
            HttpHeaders headers = unsupported.getHeaders();
            if (headers.getAllow() != null && !headers.getAllow().isEmpty()) {
                response.setHeader(HttpHeaders.ALLOW, headers.getFirst(HttpHeaders.ALLOW));
            }
        } else {
            return null;
        }
        problem.setInstance(URI.create(request.getRequestURI()));
        try {
            response.setStatus(problem.getStatus());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return new ModelAndView();
        } catch (IOException e) {
            log.debug("Could not write the problem for " + path, e);
            return null;
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

package io.mq.spring.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.mq.admin.GroupNotEmptyException;
import io.mq.admin.GroupNotFoundException;
import io.mq.admin.InvalidRequestException;
import io.mq.admin.TopicExistsException;
import io.mq.client.MqException;
import io.mq.client.MqTimeoutException;
import io.mq.client.RetriableMqException;
import io.mq.client.UnknownTopicException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of the {@link MqAdminController} into an RFC 9457 {@code application/problem+json} response,
 * and only of that controller: the application's other error handling is untouched.
 *
 * <ul>
 * <li>400: invalid input (Bean Validation, malformed JSON, wrong types, missing parameters, an invalid request the
 * broker rejected); the {@code errors} member lists a {@link FieldProblem} per invalid field or parameter</li>
 * <li>403: a mutating call while {@code mq.admin.web.read-only=true}</li>
 * <li>404: unknown topic or group; 409: topic exists, group not empty (or active)</li>
 * <li>503: cluster unreachable (retriable failures); 504: the admin's operation timeout (or the MVC async timeout)
 * passed</li>
 * <li>502: any other error the cluster answered</li>
 * </ul>
 * Problems from the cluster carry {@code errorCode} (the Kafka error name, when the broker answered one) and
 * {@code topic} or {@code group} when known. Spring MVC's own exceptions keep their statuses.
 */
@RestControllerAdvice(assignableTypes = MqAdminController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MqAdminExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Log log = LogFactory.getLog(MqAdminExceptionHandler.class);

    /** A failure of the admin client, by type. */
    @ExceptionHandler(MqException.class)
    public ResponseEntity<ProblemDetail> handleMqException(MqException e) {
        ProblemDetail problem;
        if (e instanceof TopicExistsException exists) {
            problem = problem(HttpStatus.CONFLICT, "Topic exists", e);
            problem.setProperty("topic", exists.topic());
        } else if (e instanceof GroupNotEmptyException notEmpty) {
            problem = problem(HttpStatus.CONFLICT, "Group not empty", e);
            problem.setProperty("group", notEmpty.group());
        } else if (e instanceof GroupNotFoundException notFound) {
            problem = problem(HttpStatus.NOT_FOUND, "Group not found", e);
            problem.setProperty("group", notFound.group());
        } else if (e instanceof UnknownTopicException unknown) {
            problem = problem(HttpStatus.NOT_FOUND, "Topic not found", e);
            problem.setProperty("topic", unknown.topic());
        } else if (e instanceof InvalidRequestException invalid) {
            problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e);
            problem.setProperty("resource", invalid.resource());
        } else if (e instanceof MqTimeoutException) {
            problem = problem(HttpStatus.GATEWAY_TIMEOUT, "Cluster timeout", e);
        } else if (e instanceof RetriableMqException) {
            problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Cluster unavailable", e);
        } else {
            problem = problem(HttpStatus.BAD_GATEWAY, "Cluster error", e);
        }
        e.error().ifPresent(error -> problem.setProperty("errorCode", error.name()));
        if (problem.getStatus() >= 500) {
            log.warn("Admin API call failed: " + e.getMessage());
        }
        return respond(problem);
    }

    /** Invalid input found by the controller. */
    @ExceptionHandler(InvalidAdminRequestException.class)
    public ResponseEntity<ProblemDetail> handleInvalidRequest(InvalidAdminRequestException e) {
        return respond(badRequest(e.getMessage(), e.problems()));
    }

    /** An argument the admin client refused. */
    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<ProblemDetail> handleIllegalArgument(IllegalArgumentException e) {
        return respond(badRequest(e.getMessage(), List.of()));
    }

    /** A mutating call while the API is read-only. */
    @ExceptionHandler(AdminReadOnlyException.class)
    public ResponseEntity<ProblemDetail> handleReadOnly(AdminReadOnlyException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "Read-only", e));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        BindingResult result = ex.getBindingResult();
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            problems.add(new FieldProblem(error.getField(), error.getDefaultMessage(), error.getRejectedValue()));
        }
        result.getGlobalErrors().forEach(error -> problems.add(new FieldProblem(error.getObjectName(),
                error.getDefaultMessage(), null)));
        return handleExceptionInternal(ex, badRequest("Invalid request content", problems), headers, status,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            Object rejected = mapping instanceof InvalidFormatException format ? format.getValue() : null;
            String message = mapping instanceof MismatchedInputException mismatched
                    && mismatched.getTargetType() != null
                    ? "must be of type " + typeName(mismatched.getTargetType()) : "is invalid";
            problem = badRequest("Invalid value of " + field, List.of(new FieldProblem(field, message, rejected)));
        } else if (ex.getCause() instanceof JsonMappingException) {
            problem = badRequest("The request body does not have the expected JSON structure", List.of());
        } else if (ex.getCause() instanceof JsonProcessingException json) {
            problem = badRequest("Malformed JSON: " + json.getOriginalMessage(), List.of());
        } else {
            problem = badRequest("Unreadable request body: " + ex.getMessage(), List.of());
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        String message = ex.getRequiredType() != null ? "must be of type " + typeName(ex.getRequiredType())
                : "is invalid";
        return handleExceptionInternal(ex, badRequest("Invalid value of " + name,
                List.of(new FieldProblem(name, message, ex.getValue()))), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, badRequest("Required parameter '" + ex.getParameterName() + "' is missing",
                List.of(new FieldProblem(ex.getParameterName(), "is required", null))), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleAsyncRequestTimeoutException(AsyncRequestTimeoutException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GATEWAY_TIMEOUT,
                "The cluster did not answer within the request's async timeout");
        problem.setTitle("Cluster timeout");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.GATEWAY_TIMEOUT, request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, Exception e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        return problem;
    }

    private static ProblemDetail badRequest(String detail, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** {@code partitions}, {@code configs.retention.ms}, {@code items[2].name}. */
    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "object";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return type.getSimpleName();
    }
}

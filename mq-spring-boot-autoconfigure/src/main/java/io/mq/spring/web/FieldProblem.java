package io.mq.spring.web;

/**
 * One invalid input of a request, listed in the {@code errors} member of a 400 problem response.
 *
 * @param field         the body field (e.g. {@code partitions}, {@code configs[retention.ms]}) or query parameter
 * @param message       what is wrong with it
 * @param rejectedValue the value given, or {@code null}
 */
public record FieldProblem(String field, String message, Object rejectedValue) {
}

package io.mq.spring.web;

import java.util.List;

/** A request to the admin API has invalid input; answered 400 with the {@link FieldProblem}s. */
public class InvalidAdminRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    /** One invalid field or query parameter. */
    public InvalidAdminRequestException(String field, String message, Object rejectedValue) {
        super(field + " " + message);
        this.problems = List.of(new FieldProblem(field, message, rejectedValue));
    }

    /** The invalid inputs. */
    public List<FieldProblem> problems() {
        return problems;
    }
}

package io.mq.spring.web;

/** A mutating admin call while {@code mq.admin.web.read-only=true}; answered 403. */
public class AdminReadOnlyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A rejection of {@code method} on {@code path}. */
    public AdminReadOnlyException(String method, String path) {
        super(method + " " + path + " is rejected: the admin API is read-only (mq.admin.web.read-only=true)");
    }
}

package io.mq.client;

import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;

/**
 * An operation did not complete in time: a request without a response within the request timeout, a connection not
 * established within the connect timeout, or a broker answering REQUEST_TIMED_OUT. Retriable.
 */
public class MqTimeoutException extends RetriableMqException {

    private static final long serialVersionUID = 1L;

    /** See {@link MqException#MqException(String, Throwable, Node, ApiKey, Errors)}. */
    public MqTimeoutException(String message, Throwable cause, Node broker, ApiKey api, Errors error) {
        super(message, cause, broker, api, error);
    }
}

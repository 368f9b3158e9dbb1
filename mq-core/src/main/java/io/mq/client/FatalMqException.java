package io.mq.client;

import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;

/** A failure that retrying cannot fix: an invalid request, a missing topic, an api the broker cannot serve. */
public class FatalMqException extends MqException {

    private static final long serialVersionUID = 1L;

    /** See {@link MqException#MqException(String, Throwable, Node, ApiKey, Errors)}. */
    public FatalMqException(String message, Throwable cause, Node broker, ApiKey api, Errors error) {
        super(message, cause, broker, api, error);
    }

    /** A fatal error with a message only. */
    public FatalMqException(String message) {
        super(message);
    }
}

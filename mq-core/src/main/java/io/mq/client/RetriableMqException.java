package io.mq.client;

import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;

/**
 * A failure that may go away when the operation is retried: a lost connection, a timeout, a leader change. Callers
 * retry with backoff, refreshing metadata first when the error says routing was stale.
 */
public class RetriableMqException extends MqException {

    private static final long serialVersionUID = 1L;

    /** See {@link MqException#MqException(String, Throwable, Node, ApiKey, Errors)}. */
    public RetriableMqException(String message, Throwable cause, Node broker, ApiKey api, Errors error) {
        super(message, cause, broker, api, error);
    }

    @Override
    public boolean isRetriable() {
        return true;
    }
}

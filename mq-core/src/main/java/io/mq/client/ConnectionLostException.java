package io.mq.client;

import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;

/**
 * The connection to a broker failed or closed before a response arrived (or could not be opened). Whether the broker
 * processed the request is unknown. Retriable: the connection pool reconnects with backoff.
 */
public class ConnectionLostException extends RetriableMqException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause   the underlying failure, or null
     * @param broker  the broker the connection led to
     * @param api     the api of the request that failed, or null
     */
    public ConnectionLostException(String message, Throwable cause, Node broker, ApiKey api) {
        this(message, cause, broker, api, null);
    }

    /** A connection loss a broker reported with {@code error} (NETWORK_EXCEPTION). */
    public ConnectionLostException(String message, Throwable cause, Node broker, ApiKey api, Errors error) {
        super(message, cause, broker, api, error);
    }
}

package io.mq.client;

import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import java.util.Optional;

/**
 * Root of every error an mq client reports. It names, where they apply, the broker and the api involved and the Kafka
 * error code the broker answered. Subclasses say what a caller may do: {@link RetriableMqException} (try again, maybe
 * after refreshing metadata), {@link FatalMqException} (retrying cannot help) and {@link MqConfigurationException}
 * (the settings are wrong).
 */
public class MqException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Node broker;
    private final ApiKey api;
    private final Errors error;

    /**
     * @param message what went wrong, with the context needed to act on it
     * @param cause   the underlying failure, or null
     * @param broker  the broker involved, or null
     * @param api     the api involved, or null
     * @param error   the error code the broker answered, or null
     */
    public MqException(String message, Throwable cause, Node broker, ApiKey api, Errors error) {
        super(message, cause);
        this.broker = broker;
        this.api = api;
        this.error = error;
    }

    /** An error with a message only. */
    public MqException(String message) {
        this(message, null, null, null, null);
    }

    /** The broker involved, if any. */
    public Optional<Node> broker() {
        return Optional.ofNullable(broker);
    }

    /** The api whose request failed, if any. */
    public Optional<ApiKey> api() {
        return Optional.ofNullable(api);
    }

    /** The error code a broker answered, if the failure came from one. */
    public Optional<Errors> error() {
        return Optional.ofNullable(error);
    }

    /** Whether the failed operation may succeed when retried. */
    public boolean isRetriable() {
        return false;
    }
}

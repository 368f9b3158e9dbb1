package io.mq.admin;

import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;

/** A config key is unknown or a value is invalid (INVALID_CONFIG); the message repeats the broker's reason. */
public class InvalidConfigException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * @param resource the topic or broker whose configs were rejected
     * @param message  what happened, naming the resource
     * @param broker   the broker that answered, or null
     * @param api      the api of the request
     */
    public InvalidConfigException(String resource, String message, Node broker, ApiKey api) {
        super(resource, message, broker, api, Errors.INVALID_CONFIG);
    }
}

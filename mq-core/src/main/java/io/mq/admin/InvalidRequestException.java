package io.mq.admin;

import io.mq.client.FatalMqException;
import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;

/**
 * The broker rejected an admin request as invalid: a bad topic name, partition count or replication factor, a
 * policy violation, a malformed request. {@link #error()} tells which; the message names the topic or group and
 * repeats the broker's reason.
 */
public class InvalidRequestException extends FatalMqException {

    private static final long serialVersionUID = 1L;

    private final String resource;

    /**
     * @param resource the topic, group or broker the request was about
     * @param message  what happened, naming the resource
     * @param broker   the broker that answered, or null
     * @param api      the api of the request
     * @param error    the error the broker answered
     */
    public InvalidRequestException(String resource, String message, Node broker, ApiKey api, Errors error) {
        super(message, null, broker, api, error);
        this.resource = resource;
    }

    /** The topic, group or broker the request was about. */
    public String resource() {
        return resource;
    }
}

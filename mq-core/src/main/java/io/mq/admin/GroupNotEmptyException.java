package io.mq.admin;

import io.mq.client.FatalMqException;
import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;

/**
 * An operation needs a group without active members (deleting it, resetting its offsets, deleting offsets of a topic
 * it consumes) but the group has some: NON_EMPTY_GROUP, GROUP_SUBSCRIBED_TO_TOPIC, or a commit refused because the
 * group is active. Stop the group's consumers and retry.
 */
public class GroupNotEmptyException extends FatalMqException {

    private static final long serialVersionUID = 1L;

    private final String group;

    /**
     * @param group   the group
     * @param message what happened, naming the group
     * @param broker  the broker that answered, or null
     * @param api     the api of the request, or null when the client refused before sending it
     * @param error   the error the broker answered, or null when the client refused before sending
     */
    public GroupNotEmptyException(String group, String message, Node broker, ApiKey api, Errors error) {
        super(message, null, broker, api, error);
        this.group = group;
    }

    /** The active group. */
    public String group() {
        return group;
    }
}

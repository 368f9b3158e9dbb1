package io.mq.admin;

import io.mq.client.FatalMqException;
import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;

/** A group does not exist: the broker describes it as {@code Dead} or answers GROUP_ID_NOT_FOUND. */
public class GroupNotFoundException extends FatalMqException {

    private static final long serialVersionUID = 1L;

    private final String group;

    /**
     * @param group   the group
     * @param message what happened, naming the group
     * @param broker  the broker that answered, or null
     * @param api     the api of the request
     * @param error   the error the broker answered, or null when it described the group as dead
     */
    public GroupNotFoundException(String group, String message, Node broker, ApiKey api, Errors error) {
        super(message, null, broker, api, error);
        this.group = group;
    }

    /** The missing group. */
    public String group() {
        return group;
    }
}

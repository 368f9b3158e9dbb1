package io.mq.admin;

import io.mq.client.FatalMqException;
import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;

/** A topic to create exists already (TOPIC_ALREADY_EXISTS). */
public class TopicExistsException extends FatalMqException {

    private static final long serialVersionUID = 1L;

    private final String topic;

    /**
     * @param topic   the topic
     * @param message what happened, naming the topic
     * @param broker  the broker that answered, or null
     * @param api     the api of the request
     */
    public TopicExistsException(String topic, String message, Node broker, ApiKey api) {
        super(message, null, broker, api, Errors.TOPIC_ALREADY_EXISTS);
        this.topic = topic;
    }

    /** The topic that exists. */
    public String topic() {
        return topic;
    }
}

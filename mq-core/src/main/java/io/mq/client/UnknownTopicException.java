package io.mq.client;

import io.mq.protocol.Errors;

/** A topic is still missing (or has no leaders) from metadata after waiting for it; the message says how long. */
public class UnknownTopicException extends FatalMqException {

    private static final long serialVersionUID = 1L;

    private final String topic;

    /**
     * @param topic     the missing topic
     * @param message   what happened
     * @param lastError the last error the broker reported for the topic, or null
     * @param cause     the last failure to fetch metadata, or null
     */
    public UnknownTopicException(String topic, String message, Errors lastError, Throwable cause) {
        super(message, cause, null, null, lastError);
        this.topic = topic;
    }

    /** The missing topic. */
    public String topic() {
        return topic;
    }
}

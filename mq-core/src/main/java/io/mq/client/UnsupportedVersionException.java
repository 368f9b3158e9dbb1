package io.mq.client;

import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;

/** The broker does not serve an api in any version mq speaks (or answered UNSUPPORTED_VERSION). Fatal. */
public class UnsupportedVersionException extends FatalMqException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is unsupported, with the ranges of both sides
     * @param broker  the broker, or null
     * @param api     the api without a common version
     */
    public UnsupportedVersionException(String message, Node broker, ApiKey api) {
        super(message, null, broker, api, Errors.UNSUPPORTED_VERSION);
    }
}

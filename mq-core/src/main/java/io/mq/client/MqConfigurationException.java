package io.mq.client;

/** A setting is missing or out of range; the message names the setting, the accepted range and the value given. */
public class MqConfigurationException extends MqException {

    private static final long serialVersionUID = 1L;

    public MqConfigurationException(String message) {
        super(message);
    }
}

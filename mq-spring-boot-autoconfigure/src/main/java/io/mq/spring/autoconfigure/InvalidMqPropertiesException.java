package io.mq.spring.autoconfigure;

/**
 * Settings under {@code mq.*} that bind but make no valid engine configuration (for example a batch size larger than
 * the maximum request size). Reported at startup by {@link MqPropertiesFailureAnalyzer}.
 */
public class InvalidMqPropertiesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String prefix;

    /**
     * @param prefix  the property group, e.g. {@code mq.producer}
     * @param problem what is wrong, naming the settings involved
     * @param cause   the engine's validation error
     */
    public InvalidMqPropertiesException(String prefix, String problem, Throwable cause) {
        super("Invalid configuration under '" + prefix + "': " + problem, cause);
        this.prefix = prefix;
    }

    /** The property group, e.g. {@code mq.producer}. */
    public String prefix() {
        return prefix;
    }
}

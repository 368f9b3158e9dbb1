package io.mq.admin;

/** Where a config value comes from, with Kafka's source codes (DescribeConfigs). */
public enum ConfigSource {
    /** The broker did not say. */
    UNKNOWN(0),
    /** Set on the topic. */
    DYNAMIC_TOPIC(1),
    /** Set dynamically on this broker. */
    DYNAMIC_BROKER(2),
    /** Set dynamically as the default of every broker. */
    DYNAMIC_DEFAULT_BROKER(3),
    /** Set in the broker's static configuration. */
    STATIC_BROKER(4),
    /** The default value. */
    DEFAULT(5),
    /** Set dynamically on a broker logger. */
    DYNAMIC_BROKER_LOGGER(6),
    /** A client metrics config. */
    CLIENT_METRICS(7),
    /** Set on a group. */
    GROUP(8);

    private final byte code;

    ConfigSource(int code) {
        this.code = (byte) code;
    }

    /** Kafka's code. */
    public byte code() {
        return code;
    }

    /** The source with {@code code}; {@link #UNKNOWN} for codes this version does not know. */
    public static ConfigSource forCode(byte code) {
        for (ConfigSource source : values()) {
            if (source.code == code) {
                return source;
            }
        }
        return UNKNOWN;
    }
}

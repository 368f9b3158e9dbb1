package io.mq.producer;

import io.mq.client.MqConfigurationException;
/**
 * How many replicas must have a record before the broker answers a produce request ({@code acks}).
 */
public enum Acks {
    /** Fire and forget: the broker sends no response; offsets are unknown and failures on the broker go unseen. */
    NONE((short) 0, "0"),
    /** The leader has written the record to its log. */
    LEADER((short) 1, "1"),
    /** Every in-sync replica has the record: the only setting that survives a leader failure, required by idempotence. */
    ALL((short) -1, "all");

    private final short wireValue;
    private final String configName;

    Acks(short wireValue, String configName) {
        this.wireValue = wireValue;
        this.configName = configName;
    }

    /** The value sent in a Produce request's {@code acks} field: 0, 1 or -1. */
    public short wireValue() {
        return wireValue;
    }

    /** The name used in configuration: {@code "0"}, {@code "1"} or {@code "all"}. */
    public String configName() {
        return configName;
    }

    /** The setting named {@code name}: {@code 0}, {@code 1}, {@code all} or {@code -1} (case-insensitive). */
    public static Acks forConfig(String name) {
        return switch (name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "0" -> NONE;
            case "1" -> LEADER;
            case "all", "-1" -> ALL;
            default -> throw new MqConfigurationException("acks must be one of 0, 1, all (or -1); was '" + name + "'");
        };
    }
}

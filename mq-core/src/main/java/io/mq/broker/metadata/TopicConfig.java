package io.mq.broker.metadata;

import io.mq.broker.BrokerConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The topic-level configs the broker understands, with their defaults (taken from the {@link BrokerConfig}) and
 * validation. A topic stores only the keys set on it; everything else comes from the defaults.
 */
public final class TopicConfig {

    public static final String CLEANUP_POLICY = "cleanup.policy";
    public static final String RETENTION_MS = "retention.ms";
    public static final String RETENTION_BYTES = "retention.bytes";
    public static final String MAX_MESSAGE_BYTES = "max.message.bytes";
    public static final String SEGMENT_BYTES = "segment.bytes";
    public static final String MESSAGE_TIMESTAMP_TYPE = "message.timestamp.type";
    public static final String MIN_INSYNC_REPLICAS = "min.insync.replicas";
    public static final String COMPRESSION_TYPE = "compression.type";

    private TopicConfig() {
    }

    /** Every supported key with its default value on this broker, in a stable order. */
    public static Map<String, String> defaults(BrokerConfig broker) {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(CLEANUP_POLICY, "delete");
        defaults.put(COMPRESSION_TYPE, "producer");
        defaults.put(MAX_MESSAGE_BYTES, Integer.toString(broker.maxMessageBytes()));
        defaults.put(MESSAGE_TIMESTAMP_TYPE, "CreateTime");
        defaults.put(MIN_INSYNC_REPLICAS, "1");
        defaults.put(RETENTION_BYTES, Long.toString(broker.retentionBytes()));
        defaults.put(RETENTION_MS, Long.toString(broker.retentionMs()));
        defaults.put(SEGMENT_BYTES, Long.toString(broker.segmentBytes()));
        return defaults;
    }

    /**
     * Checks one key/value pair; returns {@code null} when valid, otherwise a message naming the key and what is
     * allowed.
     */
    public static String validate(String key, String value) {
        Function<String, String> check = VALIDATORS.get(key);
        if (check == null) {
            return "unknown topic config '" + key + "'; supported: " + VALIDATORS.keySet();
        }
        if (value == null) {
            return "topic config '" + key + "' needs a value";
        }
        return check.apply(value);
    }

    /** Kafka's config type code of list-valued configs (comma-separated items). */
    public static final byte TYPE_LIST = 7;

    /** Kafka's config type code (DescribeConfigs v3+) for a supported key: STRING 2, INT 3, LONG 5, LIST 7. */
    public static byte type(String key) {
        return switch (key) {
            case CLEANUP_POLICY -> TYPE_LIST;
            case MAX_MESSAGE_BYTES, MIN_INSYNC_REPLICAS, SEGMENT_BYTES -> 3;
            case RETENTION_BYTES, RETENTION_MS -> 5;
            default -> 2;
        };
    }

    private static final Map<String, Function<String, String>> VALIDATORS = Map.of(
            CLEANUP_POLICY, v -> oneOf(CLEANUP_POLICY, v, "delete", "compact", "compact,delete", "delete,compact"),
            COMPRESSION_TYPE, v -> oneOf(COMPRESSION_TYPE, v, "producer", "uncompressed", "gzip", "snappy", "lz4", "zstd"),
            MAX_MESSAGE_BYTES, v -> longAtLeast(MAX_MESSAGE_BYTES, v, 0),
            MESSAGE_TIMESTAMP_TYPE, v -> oneOf(MESSAGE_TIMESTAMP_TYPE, v, "CreateTime"),
            MIN_INSYNC_REPLICAS, v -> longAtLeast(MIN_INSYNC_REPLICAS, v, 1),
            RETENTION_BYTES, v -> longAtLeast(RETENTION_BYTES, v, -1),
            RETENTION_MS, v -> longAtLeast(RETENTION_MS, v, -1),
            SEGMENT_BYTES, v -> longAtLeast(SEGMENT_BYTES, v, 14));

    private static String oneOf(String key, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return null;
            }
        }
        return "invalid value '" + value + "' for topic config '" + key + "'; allowed: " + String.join(", ", allowed);
    }

    private static String longAtLeast(String key, String value, long min) {
        try {
            long parsed = Long.parseLong(value.trim());
            return parsed >= min ? null : "topic config '" + key + "' must be >= " + min + ", was " + value;
        } catch (NumberFormatException e) {
            return "topic config '" + key + "' must be an integer, was '" + value + "'";
        }
    }
}

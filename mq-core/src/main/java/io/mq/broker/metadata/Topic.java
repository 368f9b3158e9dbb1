package io.mq.broker.metadata;

import java.util.Map;
import java.util.UUID;

/**
 * One topic as the broker knows it.
 *
 * @param name       topic name
 * @param id         topic id (a fresh UUID per creation, so a re-created topic never sees old data)
 * @param partitions partition count
 * @param configs    the configs set on this topic (defaults are not stored)
 */
public record Topic(String name, UUID id, int partitions, Map<String, String> configs) {

    public Topic {
        configs = Map.copyOf(configs);
    }

    /** Whether the name is one of Kafka's internal topics. */
    public boolean internal() {
        return name.startsWith("__");
    }

    /** The value of {@code key} set on this topic, or {@code fallback}. */
    public String config(String key, String fallback) {
        return configs.getOrDefault(key, fallback);
    }
}

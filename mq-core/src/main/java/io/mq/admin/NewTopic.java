package io.mq.admin;

import java.util.Map;
import java.util.Objects;

/**
 * A topic to create. The broker validates the values and answers a typed error naming the topic.
 *
 * @param name              the topic name
 * @param partitions        the partition count, or -1 for the broker default
 * @param replicationFactor replicas per partition, or -1 for the broker default
 * @param configs           topic config overrides (e.g. {@code retention.ms}); empty for none
 */
public record NewTopic(String name, int partitions, int replicationFactor, Map<String, String> configs) {

    /** Copies the configs; {@code null} configs mean none. */
    public NewTopic {
        Objects.requireNonNull(name, "name");
        configs = configs == null ? Map.of() : Map.copyOf(configs);
    }

    /** A topic with {@code partitions}, the broker's default replication factor and no config overrides. */
    public static NewTopic of(String name, int partitions) {
        return new NewTopic(name, partitions, -1, Map.of());
    }

    /** This topic with {@code configs} as its config overrides. */
    public NewTopic withConfigs(Map<String, String> configs) {
        return new NewTopic(name, partitions, replicationFactor, configs);
    }
}

package io.mq.metadata;

import java.util.Objects;

/**
 * A partition of a topic. Prints as Kafka does, {@code topic-partition}.
 *
 * @param topic     the topic name
 * @param partition the partition index, from 0
 */
public record TopicPartition(String topic, int partition) {

    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, was " + partition + " (topic " + topic + ")");
        }
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}

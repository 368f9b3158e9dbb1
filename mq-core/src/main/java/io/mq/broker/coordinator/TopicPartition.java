package io.mq.broker.coordinator;

import java.util.Objects;

/**
 * A partition named by topic name, as groups commit offsets for it.
 *
 * @param topic     topic name
 * @param partition partition number
 */
public record TopicPartition(String topic, int partition) {

    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}

package io.mq.spring.web;

import io.mq.metadata.TopicPartition;

/**
 * A partition of a topic.
 *
 * @param topic     the topic name
 * @param partition the partition index
 */
public record TopicPartitionView(String topic, int partition) {

    static TopicPartitionView of(TopicPartition partition) {
        return new TopicPartitionView(partition.topic(), partition.partition());
    }
}

package io.mq.spring.web;

import io.mq.admin.TopicDescription;
import java.util.List;

/**
 * Body of {@code GET /admin/topics/{topic}/partitions}.
 *
 * @param topic      the topic name
 * @param partitions the partitions with leader and earliest/latest offsets, ordered by index
 */
public record TopicPartitions(String topic, List<PartitionView> partitions) {

    static TopicPartitions of(TopicDescription topic) {
        return new TopicPartitions(topic.name(), topic.partitions().stream().map(PartitionView::of).toList());
    }
}

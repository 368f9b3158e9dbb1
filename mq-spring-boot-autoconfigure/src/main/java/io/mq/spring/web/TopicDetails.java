package io.mq.spring.web;

import io.mq.admin.TopicDescription;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code GET /admin/topics/{topic}}.
 *
 * @param name           the topic name
 * @param topicId        the topic id
 * @param internal       whether it is an internal topic
 * @param partitionCount the number of partitions
 * @param recordCount    records between the earliest and latest offsets over all partitions
 * @param partitions     the partitions, ordered by index
 * @param configs        every config by name (sorted)
 */
public record TopicDetails(String name, String topicId, boolean internal, int partitionCount, long recordCount,
        List<PartitionView> partitions, Map<String, ConfigView> configs) {

    static TopicDetails of(TopicDescription topic) {
        return new TopicDetails(topic.name(), topic.topicId().toString(), topic.internal(), topic.partitionCount(),
                topic.recordCount(), topic.partitions().stream().map(PartitionView::of).toList(),
                ConfigView.of(topic.configs()));
    }
}

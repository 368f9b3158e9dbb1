package io.mq.spring.web;

import io.mq.admin.CreatedTopic;
import java.util.Map;
import java.util.TreeMap;

/**
 * Body of {@code POST /admin/topics}: the topic as the broker created it (or would, for a validate-only request).
 *
 * @param name              the topic name
 * @param topicId           the topic id (the zero UUID for validate-only requests and older brokers)
 * @param partitions        the partition count, -1 when the broker does not report it
 * @param replicationFactor the replication factor, -1 when the broker does not report it
 * @param configs           the effective configs the broker reported, sorted by name
 * @param validateOnly      whether the topic was only validated, not created
 */
public record CreatedTopicView(String name, String topicId, int partitions, int replicationFactor,
        Map<String, String> configs, boolean validateOnly) {

    static CreatedTopicView of(CreatedTopic topic, boolean validateOnly) {
        return new CreatedTopicView(topic.name(), topic.topicId().toString(), topic.partitions(),
                topic.replicationFactor(), new TreeMap<>(topic.configs()), validateOnly);
    }
}

package io.mq.spring.web;

import io.mq.admin.TopicListing;

/**
 * A topic in the {@code GET /admin/topics} listing.
 *
 * @param name       the topic name
 * @param topicId    the topic id
 * @param internal   whether it is an internal topic such as {@code __consumer_offsets}
 * @param partitions the partition count
 */
public record TopicSummary(String name, String topicId, boolean internal, int partitions) {

    static TopicSummary of(TopicListing topic) {
        return new TopicSummary(topic.name(), topic.topicId().toString(), topic.internal(), topic.partitions());
    }
}

package io.mq.admin;

import java.util.UUID;

/**
 * A topic as {@link MqAdmin#listTopics(boolean)} lists it.
 *
 * @param name       the topic name
 * @param topicId    the topic id (the zero UUID when the broker gives none)
 * @param internal   whether it is an internal topic (such as {@code __consumer_offsets})
 * @param partitions the partition count
 */
public record TopicListing(String name, UUID topicId, boolean internal, int partitions) {
}

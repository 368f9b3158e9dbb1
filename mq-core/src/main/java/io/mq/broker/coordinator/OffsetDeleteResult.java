package io.mq.broker.coordinator;

import io.mq.protocol.Errors;
import java.util.Map;

/**
 * The outcome of an OffsetDelete.
 *
 * @param error      a group-level error (then {@code partitions} is empty), or NONE
 * @param partitions per partition: NONE (deleted, or there was nothing to delete) or GROUP_SUBSCRIBED_TO_TOPIC
 */
public record OffsetDeleteResult(Errors error, Map<TopicPartition, Errors> partitions) {
}

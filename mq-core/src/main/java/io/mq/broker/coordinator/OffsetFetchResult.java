package io.mq.broker.coordinator;

import io.mq.protocol.Errors;
import java.util.Map;

/**
 * A group's committed offsets.
 *
 * @param error   a group-level error, or NONE
 * @param offsets the committed offsets found (partitions without a commit are absent)
 */
public record OffsetFetchResult(Errors error, Map<TopicPartition, CommittedOffset> offsets) {
}

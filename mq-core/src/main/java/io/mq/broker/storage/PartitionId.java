package io.mq.broker.storage;

import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a partition in storage: its topic id and partition number. Topic ids are never reused, so a
 * re-created topic never sees the data of a deleted one.
 *
 * @param topicId   the topic's id
 * @param partition the partition number, {@code >= 0}
 */
public record PartitionId(UUID topicId, int partition) {

    public PartitionId {
        Objects.requireNonNull(topicId, "topicId");
        if (partition < 0) {
            throw new IllegalArgumentException("partition must be >= 0, got " + partition);
        }
    }

    @Override
    public String toString() {
        return topicId + "-" + partition;
    }
}

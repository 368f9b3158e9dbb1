package io.mq.admin;

import java.util.List;

/**
 * The result of {@link MqAdmin#resetGroupOffsets}.
 *
 * @param groupId    the group id
 * @param dryRun     whether the offsets were only computed, not committed
 * @param partitions the move of each partition, ordered by topic and partition
 */
public record GroupOffsetsReset(String groupId, boolean dryRun, List<PartitionReset> partitions) {

    /** Copies the list. */
    public GroupOffsetsReset {
        partitions = List.copyOf(partitions);
    }
}

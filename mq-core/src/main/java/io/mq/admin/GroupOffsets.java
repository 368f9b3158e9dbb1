package io.mq.admin;

import java.util.List;

/**
 * A group's committed offsets with the end offsets and the lag of each partition.
 *
 * @param groupId    the group id
 * @param partitions one entry per partition with a committed offset, ordered by topic and partition
 * @param totalLag   the sum of the known lags
 */
public record GroupOffsets(String groupId, List<PartitionOffsets> partitions, long totalLag) {

    /** Copies the list. */
    public GroupOffsets {
        partitions = List.copyOf(partitions);
    }
}

package io.mq.admin;

import io.mq.metadata.TopicPartition;

/**
 * A group's position in one partition.
 *
 * @param partition       the partition
 * @param committedOffset the committed offset (the next record the group will read)
 * @param metadata        the metadata committed with it, or {@code null}
 * @param endOffset       the partition's latest offset, or -1 when the partition no longer exists
 * @param lag             records between the committed and the end offset, or -1 when the end offset is unknown
 */
public record PartitionOffsets(TopicPartition partition, long committedOffset, String metadata, long endOffset,
        long lag) {
}

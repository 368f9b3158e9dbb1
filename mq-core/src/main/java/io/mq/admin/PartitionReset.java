package io.mq.admin;

import io.mq.metadata.TopicPartition;

/**
 * The move of a group's offset in one partition.
 *
 * @param partition      the partition
 * @param previousOffset the offset committed before, or -1 when there was none
 * @param newOffset      the offset committed (or, in a dry run, that would be)
 */
public record PartitionReset(TopicPartition partition, long previousOffset, long newOffset) {
}

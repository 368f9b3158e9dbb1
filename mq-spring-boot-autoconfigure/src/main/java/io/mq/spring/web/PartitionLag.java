package io.mq.spring.web;

/**
 * A group's position in one partition it has committed.
 *
 * @param topic           the topic
 * @param partition       the partition index
 * @param memberId        the member the partition is assigned to, or {@code null} when unassigned
 * @param committedOffset the committed offset (the next record the group will read)
 * @param endOffset       the partition's latest offset, -1 when the partition no longer exists
 * @param lag             records between the committed and the end offset, -1 when the end offset is unknown
 * @param metadata        the metadata committed with the offset, or {@code null}
 */
public record PartitionLag(String topic, int partition, String memberId, long committedOffset, long endOffset,
        long lag, String metadata) {
}

package io.mq.spring.web;

import io.mq.admin.GroupOffsetsReset;
import java.util.List;

/**
 * Body of {@code POST /admin/groups/{group}/offsets/reset}.
 *
 * @param groupId    the group id
 * @param dryRun     whether the offsets were only computed, not committed
 * @param partitions the move of each partition, ordered by topic and partition
 */
public record OffsetsReset(String groupId, boolean dryRun, List<Move> partitions) {

    static OffsetsReset of(GroupOffsetsReset reset) {
        return new OffsetsReset(reset.groupId(), reset.dryRun(), reset.partitions().stream()
                .map(p -> new Move(p.partition().topic(), p.partition().partition(), p.previousOffset(),
                        p.newOffset()))
                .toList());
    }

    /**
     * The move of the group's offset in one partition.
     *
     * @param topic          the topic
     * @param partition      the partition index
     * @param previousOffset the offset committed before, -1 when there was none
     * @param newOffset      the offset committed (or, in a dry run, that would be)
     */
    public record Move(String topic, int partition, long previousOffset, long newOffset) {
    }
}

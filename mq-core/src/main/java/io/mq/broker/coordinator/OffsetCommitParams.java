package io.mq.broker.coordinator;

import java.util.Map;

/**
 * An OffsetCommit request as the coordinator sees it. A commit from outside the group management (the admin, or a
 * consumer using {@code assign}) has generation -1 and member id {@code ""}.
 *
 * @param groupId         the group
 * @param generationId    the member's generation, or -1
 * @param memberId        the member id, or {@code ""}
 * @param groupInstanceId the static member id, or {@code null}
 * @param offsets         what to commit per partition
 */
public record OffsetCommitParams(String groupId, int generationId, String memberId, String groupInstanceId,
        Map<TopicPartition, Offset> offsets) {

    public OffsetCommitParams {
        memberId = memberId == null ? "" : memberId;
        offsets = Map.copyOf(offsets);
    }

    /**
     * One partition's offset to commit.
     *
     * @param offset      the next offset to consume
     * @param leaderEpoch the leader epoch, or -1
     * @param metadata    free text, or {@code null} for none
     */
    public record Offset(long offset, int leaderEpoch, String metadata) {
    }
}

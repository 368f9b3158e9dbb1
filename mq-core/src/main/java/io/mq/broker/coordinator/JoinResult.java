package io.mq.broker.coordinator;

import io.mq.protocol.Errors;
import java.util.List;

/**
 * The answer to a join, sent when the rebalance completes (or at once on an error).
 *
 * @param error          NONE, or why the join failed (MEMBER_ID_REQUIRED carries the assigned {@code memberId})
 * @param memberId       the member's id
 * @param generationId   the new generation, -1 on error
 * @param protocolType   the group's protocol type, {@code null} on error
 * @param protocolName   the chosen protocol, {@code null} on error
 * @param leaderId       the leader's member id, {@code ""} on error
 * @param skipAssignment whether the leader must not compute a new assignment (a static leader rejoined a stable group)
 * @param members        every member with its metadata for the chosen protocol; empty except for the leader
 */
public record JoinResult(Errors error, String memberId, int generationId, String protocolType, String protocolName,
        String leaderId, boolean skipAssignment, List<MemberMetadata> members) {

    /** A failed join. */
    public static JoinResult failed(Errors error, String memberId) {
        return new JoinResult(error, memberId, -1, null, null, "", false, List.of());
    }

    /**
     * One member as the leader sees it.
     *
     * @param memberId        member id
     * @param groupInstanceId static member id, or {@code null}
     * @param metadata        the member's metadata for the chosen protocol
     */
    public record MemberMetadata(String memberId, String groupInstanceId, byte[] metadata) {
    }
}

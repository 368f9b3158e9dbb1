package io.mq.broker.coordinator;

import io.mq.protocol.Errors;
import java.util.List;

/**
 * The answer to a LeaveGroup.
 *
 * @param error   a group-level error (then {@code members} is empty), or NONE
 * @param members the outcome per leaving member, in request order
 */
public record LeaveResult(Errors error, List<MemberResult> members) {

    /**
     * A member that asks to leave: by member id, or by static instance id with member id {@code ""}.
     *
     * @param memberId        the member id, or {@code ""}
     * @param groupInstanceId the static member id, or {@code null}
     */
    public record Leaving(String memberId, String groupInstanceId) {

        public Leaving {
            memberId = memberId == null ? "" : memberId;
        }
    }

    /**
     * The outcome for one leaving member.
     *
     * @param memberId        as requested
     * @param groupInstanceId as requested
     * @param error           NONE, UNKNOWN_MEMBER_ID or FENCED_INSTANCE_ID
     */
    public record MemberResult(String memberId, String groupInstanceId, Errors error) {
    }
}

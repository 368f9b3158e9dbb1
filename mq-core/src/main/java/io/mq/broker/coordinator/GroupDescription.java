package io.mq.broker.coordinator;

import io.mq.protocol.Errors;
import java.util.List;

/**
 * A group as DescribeGroups shows it. An unknown group is described as {@link GroupState#DEAD} with no members, as
 * Kafka does.
 *
 * @param error        a group-level error (INVALID_GROUP_ID), or NONE
 * @param groupId      the group id
 * @param state        the current state
 * @param protocolType the protocol type, {@code ""} if none
 * @param protocolName the chosen protocol while {@link GroupState#STABLE}, otherwise {@code ""}
 * @param members      the members; metadata and assignments only while stable
 */
public record GroupDescription(Errors error, String groupId, GroupState state, String protocolType,
        String protocolName, List<MemberDescription> members) {

    /**
     * One member.
     *
     * @param memberId        member id
     * @param groupInstanceId static member id, or {@code null}
     * @param clientId        the client id it joined with
     * @param clientHost      the client's address
     * @param metadata        its metadata for the chosen protocol (empty unless stable)
     * @param assignment      its assignment (empty unless stable)
     */
    public record MemberDescription(String memberId, String groupInstanceId, String clientId, String clientHost,
            byte[] metadata, byte[] assignment) {
    }
}

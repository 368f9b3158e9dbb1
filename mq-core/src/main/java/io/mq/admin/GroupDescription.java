package io.mq.admin;

import io.mq.metadata.Node;
import java.util.List;

/**
 * A group as {@link MqAdmin#describeGroups} describes it. Its committed offsets and lag come from
 * {@link MqAdmin#listGroupOffsets(String)}.
 *
 * @param groupId      the group id
 * @param state        its state; {@link GroupState#DEAD} for a group that does not exist
 * @param protocolType the protocol type ({@code "consumer"} for Kafka consumers), or empty
 * @param assignor     the partition assignor the members agreed on (e.g. {@code "range"}) while stable, else empty
 * @param coordinator  the broker coordinating the group
 * @param members      the members
 */
public record GroupDescription(String groupId, GroupState state, String protocolType, String assignor,
        Node coordinator, List<MemberDescription> members) {

    /** Copies the member list. */
    public GroupDescription {
        members = List.copyOf(members);
    }

    /** Whether the group holds Kafka consumers. */
    public boolean isConsumerGroup() {
        return "consumer".equals(protocolType);
    }
}

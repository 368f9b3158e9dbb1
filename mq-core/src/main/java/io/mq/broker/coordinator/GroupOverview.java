package io.mq.broker.coordinator;

/**
 * A group as ListGroups shows it.
 *
 * @param groupId      the group id
 * @param protocolType the protocol type, {@code ""} for a group that only stores offsets
 * @param state        the current state
 */
public record GroupOverview(String groupId, String protocolType, GroupState state) {
}

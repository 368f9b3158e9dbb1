package io.mq.broker.coordinator;

import java.util.Map;

/**
 * A SyncGroup request as the coordinator sees it.
 *
 * @param groupId         the group
 * @param generationId    the generation the member joined
 * @param memberId        the member id
 * @param groupInstanceId the static member id, or {@code null}
 * @param protocolType    the protocol type the member expects, or {@code null} to skip the check (before v5)
 * @param protocolName    the protocol the member expects, or {@code null} to skip the check (before v5)
 * @param assignments     the leader's assignment per member id (empty for followers)
 */
public record SyncParams(String groupId, int generationId, String memberId, String groupInstanceId,
        String protocolType, String protocolName, Map<String, byte[]> assignments) {

    public SyncParams {
        assignments = Map.copyOf(assignments);
    }
}

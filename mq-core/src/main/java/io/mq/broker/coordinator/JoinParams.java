package io.mq.broker.coordinator;

import java.util.List;

/**
 * A JoinGroup request as the coordinator sees it.
 *
 * @param groupId              the group to join
 * @param memberId             the member id from an earlier join, or {@code ""} on the first join
 * @param groupInstanceId      the static member id ({@code group.instance.id}), or {@code null} for a dynamic member
 * @param clientId             the client id from the request header (prefix of generated member ids)
 * @param clientHost           the client's address, for DescribeGroups
 * @param sessionTimeoutMs     the member is removed after this long without a heartbeat
 * @param rebalanceTimeoutMs   how long a rebalance waits for this member to rejoin
 * @param protocolType         the protocol class, e.g. {@code "consumer"}
 * @param protocols            the supported protocols in preference order
 * @param requireKnownMemberId whether a first join gets MEMBER_ID_REQUIRED and an id (JoinGroup v4+)
 * @param reason               why the member joins, for logs ({@code null} when not given)
 */
public record JoinParams(String groupId, String memberId, String groupInstanceId, String clientId, String clientHost,
        int sessionTimeoutMs, int rebalanceTimeoutMs, String protocolType, List<Protocol> protocols,
        boolean requireKnownMemberId, String reason) {

    public JoinParams {
        memberId = memberId == null ? "" : memberId;
        protocols = List.copyOf(protocols);
    }
}

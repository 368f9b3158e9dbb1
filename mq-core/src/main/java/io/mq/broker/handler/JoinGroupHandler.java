package io.mq.broker.handler;

import io.mq.broker.coordinator.GroupCoordinator;
import io.mq.broker.coordinator.JoinParams;
import io.mq.broker.coordinator.JoinResult;
import io.mq.broker.coordinator.Protocol;
import io.mq.protocol.message.JoinGroupRequest;
import io.mq.protocol.message.JoinGroupResponse;
import io.mq.protocol.message.JoinGroupResponse.JoinGroupResponseMember;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * JoinGroup, versions 2-9.
 *
 * <p>Behavior: hands the join to the {@link GroupCoordinator}; the response is parked until the group's rebalance
 * completes (up to the rebalance timeout) and then carries the new generation, the chosen protocol and the leader;
 * the leader also gets every member's metadata. Session timeouts outside the broker's range answer
 * INVALID_SESSION_TIMEOUT.
 *
 * <p>Version notes: v4+ first joins without a member id answer MEMBER_ID_REQUIRED with an assigned id (the client
 * joins again with it); v5+ carry {@code group.instance.id} (static membership); v7+ carry the protocol type and a
 * nullable protocol name; v8+ a reason (logged); v9+ {@code skipAssignment}, set when a static leader rejoins a stable
 * group and must not compute a new assignment.
 */
public final class JoinGroupHandler implements RequestHandler<JoinGroupRequest> {

    private final GroupCoordinator coordinator;

    public JoinGroupHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletionStage<JoinGroupResponse> handle(RequestContext context, JoinGroupRequest request) {
        short version = context.version();
        List<Protocol> protocols = new ArrayList<>(request.protocols().size());
        request.protocols().forEach(p -> protocols.add(new Protocol(p.name(), p.metadata())));
        String clientId = context.header().clientId() == null ? "" : context.header().clientId();
        JoinParams params = new JoinParams(request.groupId(), request.memberId(),
                version >= 5 ? request.groupInstanceId() : null, clientId, clientHost(context),
                request.sessionTimeoutMs(), request.rebalanceTimeoutMs(), request.protocolType(), protocols,
                version >= 4, request.reason());
        return coordinator.joinGroup(params).thenApply(result -> response(result, version));
    }

    private static JoinGroupResponse response(JoinResult result, short version) {
        List<JoinGroupResponseMember> members = new ArrayList<>(result.members().size());
        result.members().forEach(m -> members.add(new JoinGroupResponseMember(m.memberId(), m.groupInstanceId(),
                m.metadata())));
        String protocolName = version >= 7 || result.protocolName() != null ? result.protocolName() : "";
        return new JoinGroupResponse(0, result.error().code(), result.generationId(), result.protocolType(),
                protocolName, result.leaderId(), result.skipAssignment(), result.memberId(), members);
    }

    /** The client's address as Kafka reports it in DescribeGroups, e.g. {@code /127.0.0.1}. */
    static String clientHost(RequestContext context) {
        return context.remoteAddress() instanceof InetSocketAddress inet && inet.getAddress() != null
                ? "/" + inet.getAddress().getHostAddress() : String.valueOf(context.remoteAddress());
    }
}

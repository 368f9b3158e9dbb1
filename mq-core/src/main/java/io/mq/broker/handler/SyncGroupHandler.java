package io.mq.broker.handler;

import io.mq.broker.coordinator.GroupCoordinator;
import io.mq.broker.coordinator.SyncParams;
import io.mq.protocol.message.SyncGroupRequest;
import io.mq.protocol.message.SyncGroupResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * SyncGroup, versions 0-5.
 *
 * <p>Behavior: hands the sync to the {@link GroupCoordinator}. While the group completes a rebalance, a follower's
 * response is parked until the leader's sync brings every member's assignment; in a stable group the member's
 * assignment is returned at once. Errors: UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, REBALANCE_IN_PROGRESS (rejoin),
 * FENCED_INSTANCE_ID, INCONSISTENT_GROUP_PROTOCOL.
 *
 * <p>Version notes: v3+ carry {@code group.instance.id}; v5+ carry the protocol type and name, which must match the
 * group's, and return them.
 */
public final class SyncGroupHandler implements RequestHandler<SyncGroupRequest> {

    private final GroupCoordinator coordinator;

    public SyncGroupHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletionStage<SyncGroupResponse> handle(RequestContext context, SyncGroupRequest request) {
        short version = context.version();
        Map<String, byte[]> assignments = new HashMap<>();
        request.assignments().forEach(a -> assignments.put(a.memberId(), a.assignment()));
        SyncParams params = new SyncParams(request.groupId(), request.generationId(), request.memberId(),
                version >= 3 ? request.groupInstanceId() : null, version >= 5 ? request.protocolType() : null,
                version >= 5 ? request.protocolName() : null, assignments);
        return coordinator.syncGroup(params).thenApply(result -> new SyncGroupResponse(0, result.error().code(),
                result.protocolType(), result.protocolName(), result.assignment()));
    }
}

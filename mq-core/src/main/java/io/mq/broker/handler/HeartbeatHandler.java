package io.mq.broker.handler;

import io.mq.broker.coordinator.GroupCoordinator;
import io.mq.protocol.message.HeartbeatRequest;
import io.mq.protocol.message.HeartbeatResponse;
import java.util.concurrent.CompletionStage;

/**
 * Heartbeat, versions 0-4.
 *
 * <p>Behavior: keeps the member's session alive. Answers NONE in a stable group or one completing a rebalance,
 * REBALANCE_IN_PROGRESS while the group prepares a rebalance (the member must rejoin), and UNKNOWN_MEMBER_ID,
 * ILLEGAL_GENERATION or FENCED_INSTANCE_ID when the member is no longer part of the generation.
 *
 * <p>Version notes: v3+ carry {@code group.instance.id}.
 */
public final class HeartbeatHandler implements RequestHandler<HeartbeatRequest> {

    private final GroupCoordinator coordinator;

    public HeartbeatHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletionStage<HeartbeatResponse> handle(RequestContext context, HeartbeatRequest request) {
        String instanceId = context.version() >= 3 ? request.groupInstanceId() : null;
        return coordinator.heartbeat(request.groupId(), request.memberId(), instanceId, request.generationId())
                .thenApply(error -> new HeartbeatResponse(0, error.code()));
    }
}

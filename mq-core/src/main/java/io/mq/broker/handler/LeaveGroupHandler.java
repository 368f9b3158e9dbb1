package io.mq.broker.handler;

import io.mq.broker.coordinator.GroupCoordinator;
import io.mq.broker.coordinator.LeaveResult;
import io.mq.protocol.Errors;
import io.mq.protocol.message.LeaveGroupRequest;
import io.mq.protocol.message.LeaveGroupResponse;
import io.mq.protocol.message.LeaveGroupResponse.MemberResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * LeaveGroup, versions 0-5.
 *
 * <p>Behavior: removes the members from the group at once (no wait for their session to expire) and rebalances the
 * rest. A static member may be named by its instance id alone (member id empty), as the admin does.
 *
 * <p>Version notes: v0-2 remove one member and report its error at the top level; v3+ remove a batch and report
 * each member's error (UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID), the top level carrying only group errors.
 */
public final class LeaveGroupHandler implements RequestHandler<LeaveGroupRequest> {

    private final GroupCoordinator coordinator;

    public LeaveGroupHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletionStage<LeaveGroupResponse> handle(RequestContext context, LeaveGroupRequest request) {
        boolean batched = context.version() >= 3;
        List<LeaveResult.Leaving> leaving = new ArrayList<>();
        if (batched) {
            request.members().forEach(m -> leaving.add(new LeaveResult.Leaving(m.memberId(), m.groupInstanceId())));
        } else {
            leaving.add(new LeaveResult.Leaving(request.memberId(), null));
        }
        return coordinator.leaveGroup(request.groupId(), leaving).thenApply(result -> {
            if (!batched) {
                Errors error = result.error() != Errors.NONE ? result.error() : result.members().get(0).error();
                return new LeaveGroupResponse(0, error.code(), List.of());
            }
            List<MemberResponse> members = new ArrayList<>(result.members().size());
            result.members().forEach(m -> members.add(new MemberResponse(m.memberId(), m.groupInstanceId(),
                    m.error().code())));
            return new LeaveGroupResponse(0, result.error().code(), members);
        });
    }
}

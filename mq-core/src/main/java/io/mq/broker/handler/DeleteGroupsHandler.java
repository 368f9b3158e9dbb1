package io.mq.broker.handler;

import io.mq.broker.coordinator.GroupCoordinator;
import io.mq.protocol.message.DeleteGroupsRequest;
import io.mq.protocol.message.DeleteGroupsResponse;
import io.mq.protocol.message.DeleteGroupsResponse.DeletableGroupResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * DeleteGroups, versions 0-2.
 *
 * <p>Behavior: deletes each empty group together with its committed offsets (answered once the tombstones are
 * durable). A group with members answers NON_EMPTY_GROUP (the admin's {@code GroupNotEmptyException}), an unknown
 * one GROUP_ID_NOT_FOUND.
 *
 * <p>Version notes: none; v2 is the flexible encoding.
 */
public final class DeleteGroupsHandler implements RequestHandler<DeleteGroupsRequest> {

    private final GroupCoordinator coordinator;

    public DeleteGroupsHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletionStage<DeleteGroupsResponse> handle(RequestContext context, DeleteGroupsRequest request) {
        return coordinator.deleteGroups(request.groupsNames()).thenApply(errors -> {
            List<DeletableGroupResult> results = new ArrayList<>(errors.size());
            errors.forEach((groupId, error) -> results.add(new DeletableGroupResult(groupId, error.code())));
            return new DeleteGroupsResponse(0, results);
        });
    }
}

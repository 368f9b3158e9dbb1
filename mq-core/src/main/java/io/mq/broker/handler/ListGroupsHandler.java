package io.mq.broker.handler;

import io.mq.broker.coordinator.GroupCoordinator;
import io.mq.broker.coordinator.GroupState;
import io.mq.protocol.Errors;
import io.mq.protocol.message.ListGroupsRequest;
import io.mq.protocol.message.ListGroupsResponse;
import io.mq.protocol.message.ListGroupsResponse.ListedGroup;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * ListGroups, versions 0-5.
 *
 * <p>Behavior: lists every group this broker coordinates (all of them) with its protocol type ({@code ""} for a
 * group that only stores offsets), including empty groups that still hold committed offsets.
 *
 * <p>Version notes: v4+ may filter by state names (case-insensitive; unknown names match nothing) and report the
 * state; v5+ may filter by type and report it: every group is {@code classic}.
 */
public final class ListGroupsHandler implements RequestHandler<ListGroupsRequest> {

    private static final String CLASSIC = "classic";

    private final GroupCoordinator coordinator;

    public ListGroupsHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletionStage<ListGroupsResponse> handle(RequestContext context, ListGroupsRequest request) {
        Set<GroupState> states = EnumSet.noneOf(GroupState.class);
        for (String name : request.statesFilter()) {
            GroupState state = GroupState.fromDisplayName(name);
            if (state != null) {
                states.add(state);
            }
        }
        boolean filterMatchesNothing = !request.statesFilter().isEmpty() && states.isEmpty()
                || !request.typesFilter().isEmpty()
                        && request.typesFilter().stream().noneMatch(CLASSIC::equalsIgnoreCase);
        if (filterMatchesNothing) {
            return CompletableFuture.completedFuture(new ListGroupsResponse(0, Errors.NONE.code(), List.of()));
        }
        return coordinator.listGroups(states).thenApply(groups -> {
            List<ListedGroup> listed = new ArrayList<>(groups.size());
            groups.forEach(g -> listed.add(new ListedGroup(g.groupId(), g.protocolType(), g.state().displayName(),
                    CLASSIC)));
            return new ListGroupsResponse(0, Errors.NONE.code(), listed);
        });
    }
}

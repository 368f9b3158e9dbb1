package io.mq.broker.handler;

import io.mq.broker.coordinator.GroupCoordinator;
import io.mq.broker.coordinator.GroupDescription;
import io.mq.protocol.message.DescribeGroupsRequest;
import io.mq.protocol.message.DescribeGroupsResponse;
import io.mq.protocol.message.DescribeGroupsResponse.DescribedGroup;
import io.mq.protocol.message.DescribeGroupsResponse.DescribedGroupMember;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * DescribeGroups, versions 0-5.
 *
 * <p>Behavior: describes each requested group: state, protocol type, and members with client id and host. While the
 * group is stable it also reports the chosen protocol and each member's metadata and assignment (the admin decodes
 * consumer assignments from them); otherwise those are empty, as in Kafka. An unknown group is reported in state
 * {@code Dead} without error.
 *
 * <p>Version notes: authorized operations (v3+) are not computed and reported as "omitted"; v4+ report
 * {@code group.instance.id}.
 */
public final class DescribeGroupsHandler implements RequestHandler<DescribeGroupsRequest> {

    private final GroupCoordinator coordinator;

    public DescribeGroupsHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletionStage<DescribeGroupsResponse> handle(RequestContext context, DescribeGroupsRequest request) {
        return coordinator.describeGroups(request.groups()).thenApply(descriptions -> {
            List<DescribedGroup> groups = new ArrayList<>(descriptions.size());
            for (GroupDescription d : descriptions) {
                List<DescribedGroupMember> members = new ArrayList<>(d.members().size());
                d.members().forEach(m -> members.add(new DescribedGroupMember(m.memberId(), m.groupInstanceId(),
                        m.clientId(), m.clientHost(), m.metadata(), m.assignment())));
                groups.add(new DescribedGroup(d.error().code(), d.groupId(), d.state().displayName(),
                        d.protocolType(), d.protocolName(), members,
                        DescribeGroupsResponse.AUTHORIZED_OPERATIONS_OMITTED));
            }
            return new DescribeGroupsResponse(0, groups);
        });
    }
}

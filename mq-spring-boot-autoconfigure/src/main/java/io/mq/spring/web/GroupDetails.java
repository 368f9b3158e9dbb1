package io.mq.spring.web;

import io.mq.admin.GroupDescription;
import io.mq.admin.GroupOffsets;
import io.mq.admin.MemberDescription;
import io.mq.metadata.TopicPartition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code GET /admin/groups/{group}}: the group's state and members (DescribeGroups) with its committed
 * offsets, the end offsets and the lag of each partition (OffsetFetch and ListOffsets).
 *
 * @param groupId      the group id
 * @param state        its state ({@code Stable}, {@code Empty}, ...)
 * @param protocolType the protocol type ({@code consumer} for Kafka consumers), or empty
 * @param assignor     the assignor the members agreed on while stable, else empty
 * @param coordinator  the broker coordinating the group
 * @param members      the members with their subscriptions and assignments
 * @param offsets      one entry per partition with a committed offset, ordered by topic and partition
 * @param totalLag     the sum of the known lags
 */
public record GroupDetails(String groupId, String state, String protocolType, String assignor,
        BrokerView coordinator, List<MemberView> members, List<PartitionLag> offsets, long totalLag) {

    static GroupDetails of(GroupDescription group, GroupOffsets offsets) {
        Map<TopicPartition, String> owners = new HashMap<>();
        for (MemberDescription member : group.members()) {
            member.assignment().forEach(partition -> owners.put(partition, member.memberId()));
        }
        List<PartitionLag> lags = offsets.partitions().stream()
                .map(p -> new PartitionLag(p.partition().topic(), p.partition().partition(),
                        owners.get(p.partition()), p.committedOffset(), p.endOffset(), p.lag(), p.metadata()))
                .toList();
        return new GroupDetails(group.groupId(), group.state().displayName(), group.protocolType(), group.assignor(),
                BrokerView.of(group.coordinator()), group.members().stream().map(MemberView::of).toList(), lags,
                offsets.totalLag());
    }
}

package io.mq.spring.web;

import io.mq.admin.MemberDescription;
import java.util.List;

/**
 * A member of a described group.
 *
 * @param memberId         the member id
 * @param groupInstanceId  the static member id, or {@code null} for dynamic members
 * @param clientId         the client id
 * @param host             the member's host as the broker saw it
 * @param subscribedTopics the topics it subscribed to
 * @param assignment       the partitions assigned to it
 */
public record MemberView(String memberId, String groupInstanceId, String clientId, String host,
        List<String> subscribedTopics, List<TopicPartitionView> assignment) {

    static MemberView of(MemberDescription member) {
        return new MemberView(member.memberId(), member.groupInstanceId(), member.clientId(), member.host(),
                member.subscribedTopics(), member.assignment().stream().map(TopicPartitionView::of).toList());
    }
}

package io.mq.admin;

import io.mq.metadata.TopicPartition;
import java.util.List;

/**
 * A member of a described group. Subscriptions and assignments are decoded for consumer groups (protocol type
 * {@code "consumer"}) while the group is stable; otherwise they are empty.
 *
 * @param memberId         the member id
 * @param groupInstanceId  the static member id, or {@code null} for dynamic members
 * @param clientId         the client id the member joined with
 * @param host             the member's host as the broker saw it (e.g. {@code "/127.0.0.1"})
 * @param subscribedTopics the topics the member subscribed to
 * @param assignment       the partitions assigned to the member, ordered by topic and partition
 */
public record MemberDescription(String memberId, String groupInstanceId, String clientId, String host,
        List<String> subscribedTopics, List<TopicPartition> assignment) {

    /** Copies the lists. */
    public MemberDescription {
        subscribedTopics = List.copyOf(subscribedTopics);
        assignment = List.copyOf(assignment);
    }
}

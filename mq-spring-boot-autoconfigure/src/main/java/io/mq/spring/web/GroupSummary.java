package io.mq.spring.web;

import io.mq.admin.GroupListing;

/**
 * A group in the {@code GET /admin/groups} listing.
 *
 * @param groupId      the group id
 * @param state        its state ({@code Stable}, {@code Empty}, ...; {@code Unknown} when the broker does not say)
 * @param protocolType the protocol type ({@code consumer} for Kafka consumers; empty for offset-only groups)
 * @param type         the group type ({@code classic}, {@code consumer}, ...; empty when the broker does not say)
 * @param coordinator  the broker coordinating it
 */
public record GroupSummary(String groupId, String state, String protocolType, String type, BrokerView coordinator) {

    static GroupSummary of(GroupListing group) {
        return new GroupSummary(group.groupId(), group.state().displayName(), group.protocolType(), group.type(),
                BrokerView.of(group.coordinator()));
    }
}

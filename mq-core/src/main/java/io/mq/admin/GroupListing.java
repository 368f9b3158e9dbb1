package io.mq.admin;

import io.mq.metadata.Node;

/**
 * A group as {@link MqAdmin#listGroups} lists it.
 *
 * @param groupId      the group id
 * @param protocolType the protocol type ({@code "consumer"} for Kafka consumers; empty for a group that only stores
 *                     offsets)
 * @param state        its state ({@link GroupState#UNKNOWN} from brokers that do not report it)
 * @param type         its type ({@code "classic"}, {@code "consumer"}, ...; empty when the broker does not report it)
 * @param coordinator  the broker that coordinates it
 */
public record GroupListing(String groupId, String protocolType, GroupState state, String type, Node coordinator) {
}

package io.mq.admin;

import java.util.Map;
import java.util.UUID;

/**
 * A topic as the broker created it (or, for a validate-only request, would create it).
 *
 * @param name              the topic name
 * @param topicId           the topic id; the zero UUID when the broker gives none (older versions, validate-only)
 * @param partitions        the partition count, -1 when the broker does not report it
 * @param replicationFactor the replication factor, -1 when the broker does not report it
 * @param configs           the topic's effective configs as the broker reported them; empty when it reports none
 */
public record CreatedTopic(String name, UUID topicId, int partitions, int replicationFactor,
        Map<String, String> configs) {

    /** Copies the configs. */
    public CreatedTopic {
        configs = Map.copyOf(configs);
    }
}

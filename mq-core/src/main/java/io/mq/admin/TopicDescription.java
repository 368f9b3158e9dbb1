package io.mq.admin;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A topic as {@link MqAdmin#describeTopics} describes it: its partitions with leaders and offsets, and its configs.
 *
 * @param name       the topic name
 * @param topicId    the topic id (the zero UUID when the broker gives none)
 * @param internal   whether it is an internal topic
 * @param partitions the partitions, ordered by index
 * @param configs    every config of the topic by name (sorted), with its value and source
 */
public record TopicDescription(String name, UUID topicId, boolean internal, List<PartitionDescription> partitions,
        Map<String, ConfigEntry> configs) {

    /** Copies the collections; the configs are sorted by name. */
    public TopicDescription {
        partitions = List.copyOf(partitions);
        configs = Collections.unmodifiableMap(new TreeMap<>(configs));
    }

    /** The number of partitions. */
    public int partitionCount() {
        return partitions.size();
    }

    /** Records over all partitions between their earliest and latest offsets. */
    public long recordCount() {
        return partitions.stream().mapToLong(PartitionDescription::recordCount).sum();
    }
}

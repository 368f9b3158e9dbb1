package io.mq.metadata;

import io.mq.protocol.Errors;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One topic as metadata describes it.
 *
 * @param name       the topic name
 * @param topicId    the topic id (the zero UUID when the broker gave none)
 * @param error      the topic error, {@link Errors#NONE} when the topic exists
 * @param internal   whether the topic is internal
 * @param partitions the partitions, ordered by index (index i at position i)
 */
public record TopicMetadata(String name, UUID topicId, Errors error, boolean internal,
        List<PartitionMetadata> partitions) {

    /** Copies the partition list. */
    public TopicMetadata {
        partitions = List.copyOf(partitions);
    }

    /** The number of partitions. */
    public int partitionCount() {
        return partitions.size();
    }

    /** Partition {@code index}, if it exists. */
    public Optional<PartitionMetadata> partition(int index) {
        return index >= 0 && index < partitions.size() ? Optional.of(partitions.get(index)) : Optional.empty();
    }

    /** Whether the topic exists, has partitions and every partition has a leader: records can be routed. */
    public boolean hasAllLeaders() {
        return error == Errors.NONE && !partitions.isEmpty()
                && partitions.stream().allMatch(p -> p.leader() != null);
    }
}

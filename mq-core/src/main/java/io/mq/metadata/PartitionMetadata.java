package io.mq.metadata;

import io.mq.protocol.Errors;
import java.util.List;
import java.util.Optional;

/**
 * One partition as metadata describes it.
 *
 * @param partition   the partition index
 * @param leader      the broker leading it, or null when it has none (or the broker is not in the node list)
 * @param leaderEpoch the leader epoch, -1 when unknown
 * @param replicas    the ids of all replicas
 * @param isr         the ids of the in-sync replicas
 * @param error       the partition error, {@link Errors#NONE} when healthy
 */
public record PartitionMetadata(int partition, Node leader, int leaderEpoch, List<Integer> replicas,
        List<Integer> isr, Errors error) {

    /** Copies the lists. */
    public PartitionMetadata {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }

    /** The leader, if the partition has one. */
    public Optional<Node> leaderNode() {
        return Optional.ofNullable(leader);
    }
}

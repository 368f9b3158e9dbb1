package io.mq.admin;

import io.mq.metadata.Node;
import java.util.List;

/**
 * One partition of a described topic.
 *
 * @param partition      the partition index
 * @param leader         the broker leading it, or {@code null} when it has none
 * @param replicas       the ids of its replicas
 * @param isr            the ids of its in-sync replicas
 * @param earliestOffset the first offset still stored (the log start offset)
 * @param latestOffset   the offset the next record will get (the high watermark)
 */
public record PartitionDescription(int partition, Node leader, List<Integer> replicas, List<Integer> isr,
        long earliestOffset, long latestOffset) {

    /** Copies the lists. */
    public PartitionDescription {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }

    /** Records between the earliest and latest offsets (an upper bound when records were compacted away). */
    public long recordCount() {
        return Math.max(0, latestOffset - earliestOffset);
    }
}

package io.mq.spring.web;

import io.mq.admin.PartitionDescription;
import java.util.List;

/**
 * A partition of a described topic.
 *
 * @param partition      the partition index
 * @param leader         the leader, or {@code null} when it has none
 * @param replicas       the ids of its replicas
 * @param isr            the ids of its in-sync replicas
 * @param earliestOffset the first offset still stored
 * @param latestOffset   the offset the next record will get
 */
public record PartitionView(int partition, BrokerView leader, List<Integer> replicas, List<Integer> isr,
        long earliestOffset, long latestOffset) {

    static PartitionView of(PartitionDescription partition) {
        return new PartitionView(partition.partition(), BrokerView.of(partition.leader()), partition.replicas(),
                partition.isr(), partition.earliestOffset(), partition.latestOffset());
    }
}

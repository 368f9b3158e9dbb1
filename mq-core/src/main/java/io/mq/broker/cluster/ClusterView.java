package io.mq.broker.cluster;

import io.mq.broker.storage.PartitionId;
import java.util.List;

/**
 * One broker's view of the cluster it belongs to: the live brokers, the leader of each partition and, through the
 * leaders of the {@code __consumer_offsets} partitions, the coordinator of each group. Safe to call from event loops
 * (lock-free reads).
 */
public interface ClusterView {

    /** This broker's id. */
    int localBrokerId();

    /** The brokers accepting requests, by id. */
    List<BrokerNode> liveBrokers();

    /** The live broker with id {@code id}, or {@code null}. */
    BrokerNode liveBroker(int id);

    /** The controller reported to clients: the lowest live broker id, -1 if none is live. */
    int controllerId();

    /** The broker the partition is placed on, live or not; -1 for an unknown partition. */
    int assignedLeader(PartitionId id);

    /** Whether this broker leads the partition now (and so serves its produce, fetch and offset requests). */
    boolean isLocalLeader(PartitionId id);
}

package io.mq.broker.cluster;

import io.mq.broker.storage.PartitionId;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;

/** A broker that is the whole cluster: it is the only node, the controller and the leader of every partition. */
public final class SingleBrokerView implements ClusterView {

    private final int brokerId;
    private final Supplier<InetSocketAddress> address;

    /**
     * @param brokerId this broker's id
     * @param address  the bound address (asked at each use; bound after the handlers are built)
     */
    public SingleBrokerView(int brokerId, Supplier<InetSocketAddress> address) {
        this.brokerId = brokerId;
        this.address = address;
    }

    @Override
    public int localBrokerId() {
        return brokerId;
    }

    @Override
    public List<BrokerNode> liveBrokers() {
        return List.of(self());
    }

    @Override
    public BrokerNode liveBroker(int id) {
        return id == brokerId ? self() : null;
    }

    @Override
    public int controllerId() {
        return brokerId;
    }

    @Override
    public int assignedLeader(PartitionId id) {
        return brokerId;
    }

    @Override
    public boolean isLocalLeader(PartitionId id) {
        return true;
    }

    private BrokerNode self() {
        InetSocketAddress bound = address.get();
        return new BrokerNode(brokerId, bound.getHostString(), bound.getPort());
    }
}

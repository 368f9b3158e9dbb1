package io.mq.broker.cluster;

import io.mq.broker.BrokerConfig;
import io.mq.broker.coordinator.OffsetStore;
import io.mq.broker.metadata.PartitionPlacement;
import io.mq.broker.metadata.StorePartitions;
import io.mq.broker.metadata.Topic;
import io.mq.broker.metadata.TopicManager;
import io.mq.broker.metadata.TopicRegistry;
import io.mq.broker.storage.AppendResult;
import io.mq.broker.storage.CommitLogStore;
import io.mq.broker.storage.FetchSlice;
import io.mq.broker.storage.PartitionId;
import io.mq.protocol.Errors;
import io.mq.protocol.TopicNames;
import io.mq.protocol.record.RecordBatch;
import io.mq.protocol.record.RecordBatches;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process metadata controller shared by the brokers of a test cluster: one topic registry and one
 * {@link TopicManager} for all of them, and a durable partition → leader map, both in the cluster's metadata
 * directory. Each partition has exactly one copy, in its leader's commit log: data is not replicated.
 *
 * <p>Placement: new partitions go round-robin over the running brokers (over every broker while none runs, which is
 * how {@code __consumer_offsets} is spread at cluster start), or where a manual assignment puts them. The coordinator
 * of a group is the leader of its {@code __consumer_offsets} partition; those partitions never move.
 *
 * <p>Brokers {@link #attach} their store when they start (it is reconciled with the partitions they lead), go
 * {@link #online} once bound, and {@link #detach} first thing when they stop; while a broker is down its partitions
 * have no leader and its groups no coordinator. {@link #moveLeadership} moves a partition's data and leadership to
 * another running broker.
 *
 * <p>Threads: changes are serialized on this object (placement calls come from the topic manager's control thread,
 * broker lifecycle and moves from the caller's thread) and publish an immutable snapshot that {@link ClusterView}s
 * read lock-free from event loops.
 */
public final class ClusterController implements PartitionPlacement, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterController.class);
    private static final int COPY_READ_BYTES = 1024 * 1024;

    private final List<Integer> brokerIds;
    private final TopicRegistry registry;
    private final LeaderTable leaders;
    private final TopicManager topics;
    private final Map<Integer, CommitLogStore> stores = new TreeMap<>();
    private final Map<Integer, BrokerNode> online = new TreeMap<>();
    private volatile Snapshot snapshot;

    /** What views read: the live brokers and every partition's leader. */
    private record Snapshot(List<BrokerNode> live, Map<Integer, BrokerNode> liveById, Map<PartitionId, Integer> leaders) {
    }

    /**
     * Loads (or creates) the cluster metadata in {@code metadataDir} and makes sure {@code __consumer_offsets}
     * exists, its partitions spread over {@code brokerIds}.
     *
     * @param metadataDir where the topic registry and the leader map live
     * @param settings    topic defaults and the offsets topic's partition count
     * @param brokerIds   every broker of the cluster
     */
    public ClusterController(Path metadataDir, BrokerConfig settings, List<Integer> brokerIds) {
        if (brokerIds.isEmpty()) {
            throw new IllegalArgumentException("a cluster needs at least one broker");
        }
        try {
            Files.createDirectories(metadataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create cluster metadata directory " + metadataDir, e);
        }
        this.brokerIds = List.copyOf(brokerIds);
        this.registry = TopicRegistry.load(metadataDir);
        this.leaders = LeaderTable.load(metadataDir);
        reconcileLeaders();
        publish();
        this.topics = new TopicManager(settings, registry, this);
        topics.ensureTopic(OffsetStore.TOPIC, settings.offsetsTopicPartitions(), OffsetStore.TOPIC_CONFIGS);
    }

    /** The topic registry every broker reads (for retention settings). */
    public TopicRegistry registry() {
        return registry;
    }

    /** The topic manager every broker uses. */
    public TopicManager topics() {
        return topics;
    }

    /** Broker {@code brokerId}'s view of the cluster. */
    public ClusterView view(int brokerId) {
        return new View(brokerId);
    }

    /** The broker a partition is placed on (running or not), or -1 for an unknown topic or partition. */
    public int leader(String topicName, int partition) {
        PartitionId id = topics.partition(topicName, partition);
        Integer leader = id == null ? null : snapshot.leaders().get(id);
        return leader == null ? -1 : leader;
    }

    /**
     * A starting broker hands over its store: partitions it leads but lacks are created empty, those it holds but
     * no longer leads (deleted topics) are dropped. New partitions may be placed on it from now on. Blocking I/O.
     */
    public synchronized void attach(int brokerId, CommitLogStore store) {
        requireMember(brokerId);
        if (stores.containsKey(brokerId)) {
            throw new IllegalStateException("broker " + brokerId + " is already running");
        }
        StorePartitions.reconcile(store, registry.all(), id -> Integer.valueOf(brokerId).equals(leaders.get(id)));
        stores.put(brokerId, store);
    }

    /** The broker accepts connections at {@code node}: it is listed in metadata and serves what it leads. */
    public synchronized void online(BrokerNode node) {
        if (!stores.containsKey(node.id())) {
            throw new IllegalStateException("broker " + node.id() + " has not attached its store");
        }
        online.put(node.id(), node);
        publish();
    }

    /**
     * The broker is stopping: it leaves metadata, stops leading and coordinating at once, and its store is no longer
     * used by the controller (the caller closes it afterwards). Does nothing for a broker that is not attached.
     */
    public synchronized void detach(int brokerId) {
        online.remove(brokerId);
        stores.remove(brokerId);
        publish();
    }

    /**
     * Moves a partition's leadership to another running broker: the old leader is fenced (its appends answer
     * NOT_LEADER_OR_FOLLOWER), the partition's batches are copied to the new leader at their offsets, which also
     * rebuilds the idempotent-producer state there, the leader map is switched and the old copy is dropped.
     * Blocking I/O, proportional to the partition's size.
     *
     * @throws IllegalArgumentException for an unknown partition, a {@code __consumer_offsets} partition (they do not
     *                                  move) or an unknown broker
     * @throws IllegalStateException    if the current or the new leader is not running
     */
    public synchronized void moveLeadership(String topicName, int partition, int toBrokerId) {
        requireMember(toBrokerId);
        PartitionId id = topics.partition(topicName, partition);
        if (id == null) {
            throw new IllegalArgumentException("unknown partition " + topicName + "-" + partition);
        }
        if (TopicNames.isBrokerManaged(topicName)) {
            throw new IllegalArgumentException("partitions of " + topicName + " do not move");
        }
        Integer from = leaders.get(id);
        if (from == null) {
            throw new IllegalStateException("partition " + topicName + "-" + partition + " has no leader");
        }
        if (from == toBrokerId) {
            return;
        }
        CommitLogStore source = stores.get(from);
        CommitLogStore target = stores.get(toBrokerId);
        if (source == null || target == null) {
            throw new IllegalStateException("cannot move " + topicName + "-" + partition + " from broker " + from
                    + " to broker " + toBrokerId + ": both must be running");
        }
        source.fence(id, true);
        try {
            copy(source, target, id);
        } catch (RuntimeException e) {
            source.fence(id, false);
            target.deletePartition(id);
            throw e;
        }
        Map<PartitionId, Integer> change = new HashMap<>();
        change.put(id, toBrokerId);
        leaders.update(change);
        publish();
        source.deletePartition(id);
        log.info("Moved leadership of {}-{} from broker {} to broker {} (offsets {} to {})", topicName, partition,
                from, toBrokerId, target.logStartOffset(id), target.logEndOffset(id));
    }

    /** Copies every batch of {@code id} from {@code source} into a fresh partition of {@code target}, durably. */
    private static void copy(CommitLogStore source, CommitLogStore target, PartitionId id) {
        long offset = source.logStartOffset(id);
        long end = source.logEndOffset(id);
        target.resetPartition(id, offset);
        CompletableFuture<Void> durable = CompletableFuture.completedFuture(null);
        while (offset < end) {
            FetchSlice slice = source.read(id, offset, COPY_READ_BYTES);
            if (slice.error() != Errors.NONE) {
                slice.records().release();
                throw new IllegalStateException("cannot read partition " + id + " at offset " + offset + ": "
                        + slice.error());
            }
            ByteBuf buffer = Unpooled.buffer(slice.records().sizeInBytes());
            try {
                slice.records().writeTo(buffer);
            } finally {
                slice.records().release();
            }
            try {
                for (RecordBatch batch : RecordBatches.of(buffer)) {
                    AppendResult result = target.appendReplicated(id, buffer.slice(batch.start(), batch.sizeInBytes()));
                    if (result.error() != Errors.NONE) {
                        throw new IllegalStateException("cannot copy partition " + id + " at offset "
                                + batch.baseOffset() + ": " + result.error());
                    }
                    durable = result.durable();
                    offset = batch.lastOffset() + 1;
                }
            } finally {
                buffer.release();
            }
        }
        durable.join();
    }

    // ---- placement (called by the topic manager on its control thread)

    @Override
    public synchronized int brokerCount() {
        return Math.max(1, stores.size());
    }

    @Override
    public synchronized void create(Topic topic, int from, int to, List<Integer> requested) {
        List<Integer> candidates = stores.isEmpty() ? brokerIds : new ArrayList<>(stores.keySet());
        Map<PartitionId, Integer> placed = new HashMap<>();
        for (int p = from; p < to; p++) {
            int leader = requested != null ? requested.get(p - from)
                    : candidates.get(Math.floorMod(topic.name().hashCode() + p, candidates.size()));
            PartitionId id = new PartitionId(topic.id(), p);
            CommitLogStore store = stores.get(leader);
            if (store != null) {
                store.createPartition(id);
            }
            placed.put(id, leader);
        }
        leaders.update(placed);
        publish();
    }

    @Override
    public synchronized void delete(Topic topic) {
        Map<PartitionId, Integer> removed = new HashMap<>();
        for (int p = 0; p < topic.partitions(); p++) {
            PartitionId id = new PartitionId(topic.id(), p);
            Integer leader = leaders.get(id);
            CommitLogStore store = leader == null ? null : stores.get(leader);
            if (store != null) {
                store.deletePartition(id);
            }
            removed.put(id, null);
        }
        leaders.update(removed);
        publish();
    }

    /** Stops the topic manager's control thread; the brokers must be closed first. */
    @Override
    public void close() {
        topics.close();
    }

    /** Drops leaders of partitions that no longer exist and places registered partitions that have none. */
    private void reconcileLeaders() {
        Map<PartitionId, Integer> changes = new HashMap<>();
        Map<PartitionId, Integer> known = leaders.snapshot();
        for (Topic topic : registry.all()) {
            for (int p = 0; p < topic.partitions(); p++) {
                PartitionId id = new PartitionId(topic.id(), p);
                Integer leader = known.get(id);
                if (leader == null) {
                    changes.put(id, brokerIds.get(Math.floorMod(topic.name().hashCode() + p, brokerIds.size())));
                } else if (!brokerIds.contains(leader)) {
                    log.warn("Partition {}-{} is placed on broker {}, which is not part of this cluster {}: it stays "
                            + "without a leader", topic.name(), p, leader, brokerIds);
                }
            }
        }
        known.keySet().forEach(id -> {
            if (registry.byId(id.topicId()) == null || id.partition() >= registry.byId(id.topicId()).partitions()) {
                changes.put(id, null);
            }
        });
        if (!changes.isEmpty()) {
            leaders.update(changes);
        }
    }

    private void requireMember(int brokerId) {
        if (!brokerIds.contains(brokerId)) {
            throw new IllegalArgumentException("broker " + brokerId + " is not part of this cluster " + brokerIds);
        }
    }

    private void publish() {
        snapshot = new Snapshot(List.copyOf(online.values()), Map.copyOf(online), leaders.snapshot());
    }

    /** A broker's view over the published snapshot. */
    private final class View implements ClusterView {

        private final int brokerId;

        View(int brokerId) {
            this.brokerId = brokerId;
        }

        @Override
        public int localBrokerId() {
            return brokerId;
        }

        @Override
        public List<BrokerNode> liveBrokers() {
            return snapshot.live();
        }

        @Override
        public BrokerNode liveBroker(int id) {
            return snapshot.liveById().get(id);
        }

        @Override
        public int controllerId() {
            List<BrokerNode> live = snapshot.live();
            return live.isEmpty() ? -1 : live.get(0).id();
        }

        @Override
        public int assignedLeader(PartitionId id) {
            Integer leader = snapshot.leaders().get(id);
            return leader == null ? -1 : leader;
        }

        @Override
        public boolean isLocalLeader(PartitionId id) {
            Snapshot current = snapshot;
            Integer leader = current.leaders().get(id);
            return leader != null && leader == brokerId && current.liveById().containsKey(brokerId);
        }
    }
}

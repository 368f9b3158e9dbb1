package io.mq.broker.metadata;

import io.mq.broker.storage.CommitLogStore;
import io.mq.broker.storage.PartitionId;
import java.util.Collection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** A single broker's placement: every partition lives in its one commit-log store. */
public final class StorePartitions implements PartitionPlacement {

    private final CommitLogStore store;

    public StorePartitions(CommitLogStore store) {
        this.store = store;
    }

    @Override
    public int brokerCount() {
        return 1;
    }

    @Override
    public void create(Topic topic, int from, int to, List<Integer> leaders) {
        List<PartitionId> created = new ArrayList<>(Math.max(0, to - from));
        for (int p = from; p < to; p++) {
            created.add(new PartitionId(topic.id(), p));
        }
        store.createPartitions(created);
    }

    @Override
    public void delete(Topic topic) {
        for (int p = 0; p < topic.partitions(); p++) {
            store.deletePartition(new PartitionId(topic.id(), p));
        }
    }

    /**
     * Makes {@code store} hold exactly the partitions of {@code topics} that {@code hosted} accepts: creates missing
     * ones (empty) and deletes the others, e.g. after a crash between the registry write and the storage change.
     * Blocking I/O, for broker start.
     */
    public static void reconcile(CommitLogStore store, Collection<Topic> topics, Predicate<PartitionId> hosted) {
        Set<PartitionId> expected = new LinkedHashSet<>();
        for (Topic topic : topics) {
            for (int p = 0; p < topic.partitions(); p++) {
                PartitionId id = new PartitionId(topic.id(), p);
                if (hosted.test(id)) {
                    expected.add(id);
                }
            }
        }
        store.createPartitions(expected);
        for (PartitionId id : store.partitions()) {
            if (!expected.contains(id)) {
                store.deletePartition(id);
            }
        }
    }
}

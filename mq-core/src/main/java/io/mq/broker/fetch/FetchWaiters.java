package io.mq.broker.fetch;

import io.mq.broker.cluster.ClusterView;
import io.mq.broker.metadata.TopicManager;
import io.mq.broker.storage.CommitLogStore;
import io.mq.broker.storage.PartitionId;
import io.mq.protocol.message.FetchRequest;
import io.mq.protocol.message.FetchResponse;
import io.netty.util.concurrent.EventExecutor;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Long polling for Fetch: a request that cannot be satisfied yet is parked per partition; every append to one of
 * its partitions retries it on its own event loop, and a timer completes it with whatever is there after max wait.
 * Registered as the commit log's append listener.
 */
public final class FetchWaiters implements Consumer<PartitionId> {

    private final TopicManager topics;
    private final CommitLogStore store;
    private final ClusterView cluster;
    private final ConcurrentHashMap<PartitionId, Set<PendingFetch>> waiting = new ConcurrentHashMap<>();

    /** Waiters over {@code store}, answering NOT_LEADER_OR_FOLLOWER for partitions {@code cluster} says are led elsewhere. */
    public FetchWaiters(TopicManager topics, CommitLogStore store, ClusterView cluster) {
        this.topics = topics;
        this.store = store;
        this.cluster = cluster;
    }

    /** Answers at once when possible, otherwise parks the request until data, an error or max wait. */
    public CompletableFuture<FetchResponse> fetch(FetchRequest request, EventExecutor executor) {
        PendingFetch fetch = new PendingFetch(request, executor, topics, store, cluster);
        if (fetch.tryComplete(request.maxWaitMs() <= 0 || fetch.partitions().isEmpty())) {
            return fetch.future();
        }
        for (PartitionId id : fetch.partitions()) {
            waiting.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(fetch);
        }
        fetch.future().whenComplete((response, error) -> unpark(fetch));
        // an append may have happened between the first read and registration
        if (!fetch.tryComplete(false)) {
            executor.schedule(() -> fetch.tryComplete(true), request.maxWaitMs(), TimeUnit.MILLISECONDS);
        }
        return fetch.future();
    }

    /** Append listener: wakes the fetches parked on {@code id}. */
    @Override
    public void accept(PartitionId id) {
        Set<PendingFetch> parked = waiting.get(id);
        if (parked == null) {
            return;
        }
        for (PendingFetch fetch : parked) {
            fetch.executor().execute(() -> fetch.tryComplete(false));
        }
    }

    private void unpark(PendingFetch fetch) {
        for (PartitionId id : fetch.partitions()) {
            waiting.computeIfPresent(id, (k, set) -> {
                set.remove(fetch);
                return set.isEmpty() ? null : set;
            });
        }
    }
}

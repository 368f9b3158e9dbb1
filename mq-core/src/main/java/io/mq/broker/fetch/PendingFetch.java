package io.mq.broker.fetch;

import io.mq.broker.cluster.ClusterView;
import io.mq.broker.metadata.TopicManager;
import io.mq.broker.storage.CommitLogStore;
import io.mq.broker.storage.FetchSlice;
import io.mq.broker.storage.PartitionId;
import io.mq.protocol.Errors;
import io.mq.protocol.message.FetchRequest;
import io.mq.protocol.message.FetchResponse;
import io.mq.protocol.message.FetchResponse.FetchableTopicResponse;
import io.mq.protocol.message.FetchResponse.PartitionData;
import io.mq.protocol.record.MemoryRecords;
import io.mq.protocol.record.Records;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One fetch request being served: reads every requested partition (whole batches, at least one batch for the first
 * partition with data even above max bytes) and completes once min bytes are available, max wait has passed, or a
 * partition has an error (NOT_LEADER_OR_FOLLOWER for a partition this broker does not lead). Confined to the connection's event loop.
 */
final class PendingFetch {

    private static final Records EMPTY = new MemoryRecords(Unpooled.EMPTY_BUFFER);

    private final FetchRequest request;
    private final EventExecutor executor;
    private final TopicManager topics;
    private final CommitLogStore store;
    private final ClusterView cluster;
    private final CompletableFuture<FetchResponse> future = new CompletableFuture<>();
    private final List<PartitionId> partitions = new ArrayList<>();
    private boolean done;

    PendingFetch(FetchRequest request, EventExecutor executor, TopicManager topics, CommitLogStore store,
            ClusterView cluster) {
        this.request = request;
        this.executor = executor;
        this.topics = topics;
        this.store = store;
        this.cluster = cluster;
        for (FetchRequest.FetchTopic topic : request.topics()) {
            for (FetchRequest.FetchPartition partition : topic.partitions()) {
                PartitionId id = topics.partition(topic.topic(), partition.partition());
                if (id != null) {
                    partitions.add(id);
                }
            }
        }
    }

    CompletableFuture<FetchResponse> future() {
        return future;
    }

    EventExecutor executor() {
        return executor;
    }

    List<PartitionId> partitions() {
        return partitions;
    }

    boolean isDone() {
        return done;
    }

    /** Reads; completes and returns true if the request is satisfied or {@code force} is set. */
    boolean tryComplete(boolean force) {
        if (done) {
            return true;
        }
        Read read = read();
        if (!force && !read.errors && read.bytes < Math.max(1, request.minBytes())) {
            read.release();
            return false;
        }
        done = true;
        future.complete(new FetchResponse(0, Errors.NONE.code(), 0, read.topics));
        return true;
    }

    private Read read() {
        Read read = new Read();
        int remaining = request.maxBytes();
        for (FetchRequest.FetchTopic topic : request.topics()) {
            List<PartitionData> partitionData = new ArrayList<>(topic.partitions().size());
            for (FetchRequest.FetchPartition partition : topic.partitions()) {
                PartitionId id = topics.partition(topic.topic(), partition.partition());
                if (id == null) {
                    read.errors = true;
                    partitionData.add(empty(partition.partition(), Errors.UNKNOWN_TOPIC_OR_PARTITION, -1, -1));
                    continue;
                }
                if (!cluster.isLocalLeader(id)) {
                    read.errors = true;
                    partitionData.add(empty(partition.partition(), Errors.NOT_LEADER_OR_FOLLOWER, -1, -1));
                    continue;
                }
                int limit = Math.min(partition.partitionMaxBytes(), remaining);
                if (limit <= 0 && read.bytes > 0) {
                    partitionData.add(empty(partition.partition(), Errors.NONE, store.logEndOffset(id),
                            store.logStartOffset(id)));
                    continue;
                }
                FetchSlice slice = store.read(id, partition.fetchOffset(), Math.max(limit, 1));
                if (slice.error() != Errors.NONE) {
                    read.errors = true;
                    slice.records().release();
                    partitionData.add(empty(partition.partition(), slice.error(), slice.highWatermark(),
                            slice.logStartOffset()));
                    continue;
                }
                int size = slice.records().sizeInBytes();
                read.bytes += size;
                remaining -= size;
                partitionData.add(new PartitionData(partition.partition(), Errors.NONE.code(), slice.highWatermark(),
                        slice.highWatermark(), slice.logStartOffset(), List.of(), -1, slice.records()));
            }
            read.topics.add(new FetchableTopicResponse(topic.topic(), partitionData));
        }
        return read;
    }

    private static PartitionData empty(int partition, Errors error, long highWatermark, long logStartOffset) {
        return new PartitionData(partition, error.code(), highWatermark, highWatermark, logStartOffset, List.of(), -1,
                EMPTY);
    }

    /** What one pass over the partitions found. */
    private static final class Read {
        final List<FetchableTopicResponse> topics = new ArrayList<>();
        int bytes;
        boolean errors;

        void release() {
            for (FetchableTopicResponse topic : topics) {
                for (PartitionData partition : topic.partitions()) {
                    ReferenceCountUtil.release(partition.records());
                }
            }
        }
    }
}

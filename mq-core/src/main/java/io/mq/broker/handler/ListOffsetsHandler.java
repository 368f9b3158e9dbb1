package io.mq.broker.handler;

import io.mq.broker.cluster.ClusterView;
import io.mq.broker.metadata.TopicManager;
import io.mq.broker.storage.CommitLogStore;
import io.mq.broker.storage.PartitionId;
import io.mq.broker.storage.TimestampOffset;
import io.mq.protocol.Errors;
import io.mq.protocol.message.ListOffsetsRequest;
import io.mq.protocol.message.ListOffsetsResponse;
import io.mq.protocol.message.ListOffsetsResponse.ListOffsetsPartitionResponse;
import io.mq.protocol.message.ListOffsetsResponse.ListOffsetsTopicResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * ListOffsets, versions 1-9.
 *
 * <p>Behavior: timestamp -1 (latest) answers the log end offset, -2 (earliest) and -4 (earliest local) the log start
 * offset, -3 (max timestamp) the offset of the record with the largest timestamp, -5 (latest tiered) -1 since
 * nothing is tiered; any other timestamp answers the first offset whose record timestamp is at or after it, or -1
 * when there is none. Leader epochs are reported as -1. A partition this broker does not lead (test cluster) answers
 * NOT_LEADER_OR_FOLLOWER.
 *
 * <p>Version notes: isolation level (v2+) makes no difference without transactions.
 */
public final class ListOffsetsHandler implements RequestHandler<ListOffsetsRequest> {

    static final long LATEST = -1L;
    static final long EARLIEST = -2L;
    static final long MAX_TIMESTAMP = -3L;
    static final long EARLIEST_LOCAL = -4L;
    static final long LATEST_TIERED = -5L;

    private final TopicManager topics;
    private final CommitLogStore store;
    private final ClusterView cluster;

    public ListOffsetsHandler(TopicManager topics, CommitLogStore store, ClusterView cluster) {
        this.topics = topics;
        this.store = store;
        this.cluster = cluster;
    }

    @Override
    public CompletionStage<ListOffsetsResponse> handle(RequestContext context, ListOffsetsRequest request) {
        List<ListOffsetsTopicResponse> responses = new ArrayList<>(request.topics().size());
        for (ListOffsetsRequest.ListOffsetsTopic topic : request.topics()) {
            List<ListOffsetsPartitionResponse> partitions = new ArrayList<>(topic.partitions().size());
            for (ListOffsetsRequest.ListOffsetsPartition partition : topic.partitions()) {
                PartitionId id = topics.partition(topic.name(), partition.partitionIndex());
                if (id == null) {
                    partitions.add(answer(partition.partitionIndex(), Errors.UNKNOWN_TOPIC_OR_PARTITION, -1, -1));
                } else if (!cluster.isLocalLeader(id)) {
                    partitions.add(answer(partition.partitionIndex(), Errors.NOT_LEADER_OR_FOLLOWER, -1, -1));
                } else {
                    partitions.add(lookup(id, partition));
                }
            }
            responses.add(new ListOffsetsTopicResponse(topic.name(), partitions));
        }
        return CompletableFuture.completedFuture(new ListOffsetsResponse(0, responses));
    }

    private ListOffsetsPartitionResponse lookup(PartitionId id, ListOffsetsRequest.ListOffsetsPartition partition) {
        long timestamp = partition.timestamp();
        int index = partition.partitionIndex();
        if (timestamp == LATEST) {
            return answer(index, Errors.NONE, -1, store.logEndOffset(id));
        }
        if (timestamp == EARLIEST || timestamp == EARLIEST_LOCAL) {
            return answer(index, Errors.NONE, -1, store.logStartOffset(id));
        }
        if (timestamp == LATEST_TIERED) {
            return answer(index, Errors.NONE, -1, -1);
        }
        Optional<TimestampOffset> found = timestamp == MAX_TIMESTAMP ? store.maxTimestampOffset(id)
                : store.offsetForTimestamp(id, timestamp);
        return found.map(t -> answer(index, Errors.NONE, t.timestamp(), t.offset()))
                .orElseGet(() -> answer(index, Errors.NONE, -1, -1));
    }

    private static ListOffsetsPartitionResponse answer(int partition, Errors error, long timestamp, long offset) {
        return new ListOffsetsPartitionResponse(partition, error.code(), timestamp, offset, -1);
    }
}

package io.mq.admin.internal;

import io.mq.client.MqExceptions;
import io.mq.client.RetriableMqException;
import io.mq.metadata.Cluster;
import io.mq.metadata.Node;
import io.mq.metadata.TopicPartition;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.ListOffsetsRequest;
import io.mq.protocol.message.ListOffsetsRequest.ListOffsetsPartition;
import io.mq.protocol.message.ListOffsetsRequest.ListOffsetsTopic;
import io.mq.protocol.message.ListOffsetsResponse;
import io.mq.protocol.message.ListOffsetsResponse.ListOffsetsPartitionResponse;
import io.mq.protocol.message.ListOffsetsResponse.ListOffsetsTopicResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Looks offsets up with ListOffsets, one request per partition leader. */
final class OffsetLookup {

    /** ListOffsets timestamp meaning the latest offset (the high watermark). */
    static final long LATEST = -1;
    /** ListOffsets timestamp meaning the earliest offset (the log start offset). */
    static final long EARLIEST = -2;

    private final AdminChannel channel;

    OffsetLookup(AdminChannel channel) {
        this.channel = channel;
    }

    /**
     * The offset of each partition for {@code timestamp} ({@link #EARLIEST}, {@link #LATEST}, or a time in ms, where
     * -1 in the result means no record at or after it), asking each partition's leader in {@code cluster}. Leader
     * changes and other retriable answers fail with a retriable error, so the operation retries with fresh metadata.
     * The partitions must exist in {@code cluster}.
     */
    CompletableFuture<Map<TopicPartition, Long>> offsets(Cluster cluster, Collection<TopicPartition> partitions,
            long timestamp) {
        Map<Node, Map<String, List<ListOffsetsPartition>>> byLeader = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            Node leader = cluster.leaderFor(tp.topic(), tp.partition()).orElse(null);
            if (leader == null) {
                return CompletableFuture.failedFuture(new RetriableMqException("partition " + tp
                        + " has no leader", null, null, ApiKey.LIST_OFFSETS, Errors.LEADER_NOT_AVAILABLE));
            }
            byLeader.computeIfAbsent(leader, n -> new LinkedHashMap<>())
                    .computeIfAbsent(tp.topic(), t -> new ArrayList<>())
                    .add(new ListOffsetsPartition(tp.partition(), -1, timestamp));
        }
        List<CompletableFuture<Map<TopicPartition, Long>>> requests = new ArrayList<>(byLeader.size());
        byLeader.forEach((leader, topics) -> {
            List<ListOffsetsTopic> requested = new ArrayList<>(topics.size());
            topics.forEach((topic, ps) -> requested.add(new ListOffsetsTopic(topic, ps)));
            requests.add(channel.send(leader, ApiKey.LIST_OFFSETS, new ListOffsetsRequest(-1, (byte) 0, requested),
                    ListOffsetsResponse::read).thenApply(response -> read(response, leader)));
        });
        return CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            requests.forEach(r -> offsets.putAll(r.join()));
            for (TopicPartition tp : partitions) {
                if (!offsets.containsKey(tp)) {
                    Node leader = cluster.leaderFor(tp.topic(), tp.partition()).orElse(null);
                    throw new RetriableMqException(leader + " did not answer ListOffsets for " + tp, null, leader,
                            ApiKey.LIST_OFFSETS, null);
                }
            }
            return offsets;
        });
    }

    private static Map<TopicPartition, Long> read(ListOffsetsResponse response, Node leader) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (ListOffsetsTopicResponse topic : response.topics()) {
            for (ListOffsetsPartitionResponse p : topic.partitions()) {
                TopicPartition tp = new TopicPartition(topic.name(), p.partitionIndex());
                Errors error = Errors.forCode(p.errorCode());
                if (error != Errors.NONE) {
                    throw MqExceptions.fromError(error, "list offsets of " + tp, leader, ApiKey.LIST_OFFSETS);
                }
                offsets.put(tp, p.offset());
            }
        }
        return offsets;
    }
}

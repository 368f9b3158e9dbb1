package io.mq.admin.internal;

import io.mq.admin.GroupNotEmptyException;
import io.mq.admin.GroupOffsets;
import io.mq.admin.GroupOffsetsReset;
import io.mq.admin.OffsetSpec;
import io.mq.admin.PartitionOffsets;
import io.mq.admin.PartitionReset;
import io.mq.client.UnknownTopicException;
import io.mq.metadata.Cluster;
import io.mq.metadata.Node;
import io.mq.metadata.TopicMetadata;
import io.mq.metadata.TopicPartition;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.OffsetCommitRequest;
import io.mq.protocol.message.OffsetCommitRequest.OffsetCommitRequestPartition;
import io.mq.protocol.message.OffsetCommitRequest.OffsetCommitRequestTopic;
import io.mq.protocol.message.OffsetCommitResponse;
import io.mq.protocol.message.OffsetCommitResponse.OffsetCommitResponsePartition;
import io.mq.protocol.message.OffsetCommitResponse.OffsetCommitResponseTopic;
import io.mq.protocol.message.OffsetDeleteRequest;
import io.mq.protocol.message.OffsetDeleteRequest.OffsetDeleteRequestPartition;
import io.mq.protocol.message.OffsetDeleteRequest.OffsetDeleteRequestTopic;
import io.mq.protocol.message.OffsetDeleteResponse;
import io.mq.protocol.message.OffsetDeleteResponse.OffsetDeleteResponsePartition;
import io.mq.protocol.message.OffsetDeleteResponse.OffsetDeleteResponseTopic;
import io.mq.protocol.message.OffsetFetchRequest;
import io.mq.protocol.message.OffsetFetchRequest.OffsetFetchRequestGroup;
import io.mq.protocol.message.OffsetFetchResponse;
import io.mq.protocol.message.OffsetFetchResponse.OffsetFetchResponseGroup;
import io.mq.protocol.message.OffsetFetchResponse.OffsetFetchResponsePartition;
import io.mq.protocol.message.OffsetFetchResponse.OffsetFetchResponseTopic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** A group's offsets: OffsetFetch with lag from ListOffsets, resets through OffsetCommit, OffsetDelete. */
final class GroupOffsetOperations {

    private final AdminChannel channel;
    private final GroupOperations groups;
    private final OffsetLookup offsets;

    GroupOffsetOperations(AdminChannel channel, GroupOperations groups, OffsetLookup offsets) {
        this.channel = channel;
        this.groups = groups;
        this.offsets = offsets;
    }

    CompletableFuture<GroupOffsets> listGroupOffsets(String groupId) {
        return channel.operation("list the offsets of group '" + groupId + "'", true, () -> groups.coordinator(groupId)
                .thenCompose(node -> committed(node, groupId)).thenCompose(committed -> {
                    if (committed.isEmpty()) {
                        return CompletableFuture.completedFuture(new GroupOffsets(groupId, List.of(), 0));
                    }
                    Set<String> topics = new LinkedHashSet<>();
                    committed.keySet().forEach(tp -> topics.add(tp.topic()));
                    return channel.metadata(topics).thenCompose(cluster -> {
                        List<TopicPartition> existing = committed.keySet().stream()
                                .filter(tp -> exists(cluster, tp)).toList();
                        return offsets.offsets(cluster, existing, OffsetLookup.LATEST)
                                .thenApply(ends -> lag(groupId, committed, ends));
                    });
                }));
    }

    CompletableFuture<GroupOffsetsReset> resetGroupOffsets(String groupId, String topic, OffsetSpec spec,
            boolean dryRun) {
        String action = "reset the offsets of group '" + groupId + "' for topic '" + topic + "'";
        return channel.operation(action, true, () -> channel.metadata(List.of(topic)).thenCompose(cluster -> {
            TopicMetadata metadata = TopicOperations.existing(cluster, topic, action);
            List<TopicPartition> partitions = metadata.partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return reset(cluster, groupId, partitions, spec, dryRun, action);
        }));
    }

    CompletableFuture<GroupOffsetsReset> resetGroupOffsets(String groupId, Collection<TopicPartition> partitions,
            OffsetSpec spec, boolean dryRun) {
        List<TopicPartition> requested = partitions.stream().distinct().sorted(GroupOperations.partitionOrder())
                .toList();
        String action = "reset the offsets of group '" + groupId + "' for " + requested;
        Set<String> topics = new LinkedHashSet<>();
        requested.forEach(tp -> topics.add(tp.topic()));
        return channel.operation(action, true, () -> channel.metadata(topics).thenCompose(cluster -> {
            for (TopicPartition tp : requested) {
                TopicMetadata metadata = TopicOperations.existing(cluster, tp.topic(), action);
                if (tp.partition() >= metadata.partitionCount()) {
                    throw new UnknownTopicException(tp.topic(), action + " failed: partition " + tp.partition()
                            + " of topic '" + tp.topic() + "' does not exist (it has " + metadata.partitionCount()
                            + " partitions)", Errors.UNKNOWN_TOPIC_OR_PARTITION, null);
                }
            }
            return reset(cluster, groupId, requested, spec, dryRun, action);
        }));
    }

    CompletableFuture<List<TopicPartition>> deleteGroupOffsets(String groupId, String topic) {
        String action = "delete the offsets of group '" + groupId + "' for topic '" + topic + "'";
        return channel.operation(action, true, () -> groups.coordinator(groupId).thenCompose(node ->
                committed(node, groupId).thenCompose(committed -> {
                    List<TopicPartition> had = committed.keySet().stream().filter(tp -> tp.topic().equals(topic))
                            .sorted(GroupOperations.partitionOrder()).toList();
                    // without committed offsets, name every partition so the broker still checks group and topic
                    CompletableFuture<List<Integer>> toDelete = had.isEmpty()
                            ? channel.metadata(List.of(topic)).thenApply(cluster -> TopicOperations
                                    .existing(cluster, topic, action).partitions().stream()
                                    .map(p -> p.partition()).toList())
                            : CompletableFuture.completedFuture(had.stream().map(TopicPartition::partition).toList());
                    return toDelete.thenCompose(indexes -> channel.send(node, ApiKey.OFFSET_DELETE,
                            new OffsetDeleteRequest(groupId, List.of(new OffsetDeleteRequestTopic(topic,
                                    indexes.stream().map(OffsetDeleteRequestPartition::new).toList()))),
                            OffsetDeleteResponse::read)).thenApply(response -> {
                                checkOffsetDelete(response, groupId, action, node);
                                return had;
                            });
                })));
    }

    /** The group's committed offsets (partitions without one left out), asked of its coordinator. */
    private CompletableFuture<Map<TopicPartition, Committed>> committed(Node coordinator, String groupId) {
        String action = "fetch the committed offsets of group '" + groupId + "'";
        OffsetFetchRequest request = new OffsetFetchRequest(groupId, null,
                List.of(new OffsetFetchRequestGroup(groupId, null, -1, null)), false);
        return channel.send(coordinator, ApiKey.OFFSET_FETCH, request, OffsetFetchResponse::read)
                .thenApply(response -> readCommitted(response, groupId, action, coordinator));
    }

    private static Map<TopicPartition, Committed> readCommitted(OffsetFetchResponse response, String groupId,
            String action, Node coordinator) {
        Errors error = Errors.forCode(response.errorCode());
        List<OffsetFetchResponseTopic> topics = response.topics();
        for (OffsetFetchResponseGroup group : response.groups()) {
            if (group.groupId().equals(groupId)) {
                error = Errors.forCode(group.errorCode());
                topics = group.topics();
            }
        }
        Map<TopicPartition, Committed> committed = new LinkedHashMap<>();
        if (error == Errors.GROUP_ID_NOT_FOUND) {
            return committed;
        }
        GroupOperations.check(error, null, groupId, action, coordinator, ApiKey.OFFSET_FETCH);
        for (OffsetFetchResponseTopic topic : topics) {
            for (OffsetFetchResponsePartition p : topic.partitions()) {
                Errors partitionError = Errors.forCode(p.errorCode());
                if (partitionError != Errors.NONE && partitionError != Errors.UNKNOWN_TOPIC_OR_PARTITION) {
                    throw AdminErrors.forGroup(partitionError, null, groupId, action + " (" + topic.name() + "-"
                            + p.partitionIndex() + ")", coordinator, ApiKey.OFFSET_FETCH);
                }
                if (partitionError == Errors.NONE && p.committedOffset() >= 0) {
                    committed.put(new TopicPartition(topic.name(), p.partitionIndex()),
                            new Committed(p.committedOffset(), p.metadata()));
                }
            }
        }
        return committed;
    }

    private static GroupOffsets lag(String groupId, Map<TopicPartition, Committed> committed,
            Map<TopicPartition, Long> ends) {
        List<PartitionOffsets> partitions = new ArrayList<>(committed.size());
        long total = 0;
        for (TopicPartition tp : committed.keySet().stream().sorted(GroupOperations.partitionOrder()).toList()) {
            Committed c = committed.get(tp);
            Long end = ends.get(tp);
            long lag = end == null ? -1 : Math.max(0, end - c.offset());
            total += Math.max(0, lag);
            partitions.add(new PartitionOffsets(tp, c.offset(), c.metadata(), end == null ? -1 : end, lag));
        }
        return new GroupOffsets(groupId, partitions, total);
    }

    private CompletableFuture<GroupOffsetsReset> reset(Cluster cluster, String groupId,
            List<TopicPartition> partitions, OffsetSpec spec, boolean dryRun, String action) {
        return targets(cluster, partitions, spec).thenCompose(targets -> groups.coordinator(groupId)
                .thenCompose(node -> (dryRun ? CompletableFuture.<Void>completedFuture(null)
                        : requireInactive(node, groupId, action))
                        .thenCompose(ignored -> committed(node, groupId))
                        .thenCompose(previous -> {
                            List<PartitionReset> resets = partitions.stream().map(tp -> new PartitionReset(tp,
                                    previous.containsKey(tp) ? previous.get(tp).offset() : -1, targets.get(tp)))
                                    .toList();
                            GroupOffsetsReset result = new GroupOffsetsReset(groupId, dryRun, resets);
                            return dryRun ? CompletableFuture.completedFuture(result)
                                    : commit(node, groupId, resets, action).thenApply(done -> result);
                        })));
    }

    /** The offset {@code spec} designates in each partition. */
    private CompletableFuture<Map<TopicPartition, Long>> targets(Cluster cluster, List<TopicPartition> partitions,
            OffsetSpec spec) {
        if (spec instanceof OffsetSpec.Earliest) {
            return offsets.offsets(cluster, partitions, OffsetLookup.EARLIEST);
        }
        CompletableFuture<Map<TopicPartition, Long>> latest = offsets.offsets(cluster, partitions,
                OffsetLookup.LATEST);
        if (spec instanceof OffsetSpec.Timestamp timestamp) {
            return offsets.offsets(cluster, partitions, timestamp.timestampMs()).thenCombine(latest, (at, end) -> {
                Map<TopicPartition, Long> targets = new HashMap<>(at);
                at.forEach((tp, offset) -> {
                    if (offset < 0) {
                        targets.put(tp, end.get(tp));
                    }
                });
                return targets;
            });
        }
        if (spec instanceof OffsetSpec.Offset offset) {
            return offsets.offsets(cluster, partitions, OffsetLookup.EARLIEST).thenCombine(latest, (start, end) -> {
                Map<TopicPartition, Long> targets = new HashMap<>();
                partitions.forEach(tp -> targets.put(tp,
                        Math.max(start.get(tp), Math.min(end.get(tp), offset.offset()))));
                return targets;
            });
        }
        return latest;
    }

    private CompletableFuture<Void> requireInactive(Node coordinator, String groupId, String action) {
        return groups.describe(coordinator, groupId).thenAccept(group -> {
            if (group.state().isActive()) {
                throw new GroupNotEmptyException(groupId, action + " failed: group '" + groupId + "' is active (state "
                        + group.state().displayName() + ", " + group.members().size()
                        + " members); offsets can only be reset while the group has no members", coordinator,
                        ApiKey.DESCRIBE_GROUPS, null);
            }
        });
    }

    /** Commits the new offsets as the admin does: generation -1, no member id (accepted only by an empty group). */
    private CompletableFuture<Void> commit(Node coordinator, String groupId, List<PartitionReset> resets,
            String action) {
        Map<String, List<OffsetCommitRequestPartition>> byTopic = new LinkedHashMap<>();
        resets.forEach(r -> byTopic.computeIfAbsent(r.partition().topic(), t -> new ArrayList<>())
                .add(new OffsetCommitRequestPartition(r.partition().partition(), r.newOffset(), -1, "")));
        List<OffsetCommitRequestTopic> topics = new ArrayList<>();
        byTopic.forEach((topic, ps) -> topics.add(new OffsetCommitRequestTopic(topic, ps)));
        OffsetCommitRequest request = new OffsetCommitRequest(groupId, -1, "", null, -1L, topics);
        return channel.send(coordinator, ApiKey.OFFSET_COMMIT, request, OffsetCommitResponse::read).thenAccept(
                response -> {
                    for (OffsetCommitResponseTopic topic : response.topics()) {
                        for (OffsetCommitResponsePartition p : topic.partitions()) {
                            checkCommit(Errors.forCode(p.errorCode()), groupId, topic.name(), action, coordinator);
                        }
                    }
                });
    }

    private static void checkCommit(Errors error, String groupId, String topic, String action, Node coordinator) {
        switch (error) {
            case NONE -> {
            }
            case UNKNOWN_MEMBER_ID, ILLEGAL_GENERATION, REBALANCE_IN_PROGRESS, FENCED_INSTANCE_ID ->
                    throw new GroupNotEmptyException(groupId, action + " failed with " + error + ": group '" + groupId
                            + "' has members; offsets can only be reset while it has none (coordinator "
                            + coordinator + ")", coordinator, ApiKey.OFFSET_COMMIT, error);
            case UNKNOWN_TOPIC_OR_PARTITION ->
                    throw AdminErrors.forTopic(error, null, topic, action, coordinator, ApiKey.OFFSET_COMMIT);
            default -> throw AdminErrors.forGroup(error, null, groupId, action, coordinator, ApiKey.OFFSET_COMMIT);
        }
    }

    private static void checkOffsetDelete(OffsetDeleteResponse response, String groupId, String action, Node node) {
        GroupOperations.check(Errors.forCode(response.errorCode()), null, groupId, action, node, ApiKey.OFFSET_DELETE);
        for (OffsetDeleteResponseTopic topic : response.topics()) {
            for (OffsetDeleteResponsePartition p : topic.partitions()) {
                Errors error = Errors.forCode(p.errorCode());
                if (error == Errors.UNKNOWN_TOPIC_OR_PARTITION) {
                    throw AdminErrors.forTopic(error, null, topic.name(), action, node, ApiKey.OFFSET_DELETE);
                }
                GroupOperations.check(error, null, groupId, action, node, ApiKey.OFFSET_DELETE);
            }
        }
    }

    private static boolean exists(Cluster cluster, TopicPartition tp) {
        return cluster.topic(tp.topic()).filter(t -> t.error() == Errors.NONE)
                .flatMap(t -> t.partition(tp.partition())).isPresent();
    }

    /** A committed offset with its metadata. */
    private record Committed(long offset, String metadata) {
    }
}

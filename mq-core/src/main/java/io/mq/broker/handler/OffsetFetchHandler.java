package io.mq.broker.handler;

import io.mq.broker.coordinator.CommittedOffset;
import io.mq.broker.coordinator.GroupCoordinator;
import io.mq.broker.coordinator.OffsetFetchResult;
import io.mq.broker.coordinator.TopicPartition;
import io.mq.protocol.Errors;
import io.mq.protocol.message.OffsetFetchRequest;
import io.mq.protocol.message.OffsetFetchRequest.OffsetFetchRequestTopic;
import io.mq.protocol.message.OffsetFetchResponse;
import io.mq.protocol.message.OffsetFetchResponse.OffsetFetchResponseGroup;
import io.mq.protocol.message.OffsetFetchResponse.OffsetFetchResponsePartition;
import io.mq.protocol.message.OffsetFetchResponse.OffsetFetchResponseTopic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * OffsetFetch, versions 1-9.
 *
 * <p>Behavior: returns the group's committed offsets with their leader epoch and metadata. A requested partition
 * without a commit (or of an unknown group) answers offset -1, epoch -1, metadata {@code ""} and no error; a null
 * topic list asks for every committed partition of the group.
 *
 * <p>Version notes: v1 must list topics and has no group-level error (a group error is reported per partition);
 * v2-7 ask for one group and may pass a null topic list; v7+ {@code requireStable} has no effect (no transactions);
 * v8+ ask for several groups, each answered on its own; v9's member id and epoch (consumer-protocol groups) are
 * ignored.
 */
public final class OffsetFetchHandler implements RequestHandler<OffsetFetchRequest> {

    private static final String NO_METADATA = "";

    private final GroupCoordinator coordinator;

    public OffsetFetchHandler(GroupCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @Override
    public CompletionStage<OffsetFetchResponse> handle(RequestContext context, OffsetFetchRequest request) {
        short version = context.version();
        if (version <= 7) {
            return fetch(request.groupId(), request.topics()).thenApply(group -> {
                Errors error = Errors.forCode(group.errorCode());
                List<OffsetFetchResponseTopic> topics = version < 2 && error != Errors.NONE
                        ? withError(group.topics(), error) : group.topics();
                return new OffsetFetchResponse(0, topics, version >= 2 ? group.errorCode() : Errors.NONE.code(), List.of());
            });
        }
        List<CompletableFuture<OffsetFetchResponseGroup>> groups = new ArrayList<>(request.groups().size());
        request.groups().forEach(g -> groups.add(fetch(g.groupId(), g.topics())));
        return CompletableFuture.allOf(groups.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<OffsetFetchResponseGroup> answered = new ArrayList<>(groups.size());
            groups.forEach(g -> answered.add(g.join()));
            return new OffsetFetchResponse(0, List.of(), (short) 0, answered);
        });
    }

    private CompletableFuture<OffsetFetchResponseGroup> fetch(String groupId, List<OffsetFetchRequestTopic> topics) {
        List<TopicPartition> partitions = null;
        if (topics != null) {
            partitions = new ArrayList<>();
            for (OffsetFetchRequestTopic topic : topics) {
                for (int partition : topic.partitionIndexes()) {
                    partitions.add(new TopicPartition(topic.name(), partition));
                }
            }
        }
        List<TopicPartition> requested = partitions;
        return coordinator.fetchOffsets(groupId, requested).thenApply(result -> new OffsetFetchResponseGroup(groupId,
                byTopic(result, requested), result.error().code()));
    }

    private static List<OffsetFetchResponseTopic> byTopic(OffsetFetchResult result, List<TopicPartition> requested) {
        Map<String, List<OffsetFetchResponsePartition>> topics = requested == null ? new TreeMap<>()
                : new LinkedHashMap<>();
        Iterable<TopicPartition> partitions = requested != null ? requested : result.offsets().keySet();
        for (TopicPartition partition : partitions) {
            CommittedOffset offset = result.offsets().get(partition);
            topics.computeIfAbsent(partition.topic(), t -> new ArrayList<>()).add(offset == null
                    ? new OffsetFetchResponsePartition(partition.partition(), -1L, -1, NO_METADATA, Errors.NONE.code())
                    : new OffsetFetchResponsePartition(partition.partition(), offset.offset(), offset.leaderEpoch(),
                            offset.metadata(), Errors.NONE.code()));
        }
        List<OffsetFetchResponseTopic> answered = new ArrayList<>(topics.size());
        topics.forEach((name, list) -> answered.add(new OffsetFetchResponseTopic(name, list)));
        return answered;
    }

    private static List<OffsetFetchResponseTopic> withError(List<OffsetFetchResponseTopic> topics, Errors error) {
        List<OffsetFetchResponseTopic> failed = new ArrayList<>(topics.size());
        for (OffsetFetchResponseTopic topic : topics) {
            List<OffsetFetchResponsePartition> partitions = new ArrayList<>(topic.partitions().size());
            topic.partitions().forEach(p -> partitions.add(new OffsetFetchResponsePartition(p.partitionIndex(), -1L,
                    -1, NO_METADATA, error.code())));
            failed.add(new OffsetFetchResponseTopic(topic.name(), partitions));
        }
        return failed;
    }
}

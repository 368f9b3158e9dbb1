package io.mq.broker.handler;

import io.mq.broker.coordinator.GroupCoordinator;
import io.mq.broker.coordinator.OffsetCommitParams;
import io.mq.broker.coordinator.TopicPartition;
import io.mq.broker.metadata.TopicManager;
import io.mq.protocol.Errors;
import io.mq.protocol.message.OffsetCommitRequest;
import io.mq.protocol.message.OffsetCommitResponse;
import io.mq.protocol.message.OffsetCommitResponse.OffsetCommitResponsePartition;
import io.mq.protocol.message.OffsetCommitResponse.OffsetCommitResponseTopic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * OffsetCommit, versions 2-9.
 *
 * <p>Behavior: partitions of unknown topics answer UNKNOWN_TOPIC_OR_PARTITION; the rest go to the
 * {@link GroupCoordinator}, which checks the member and generation (generation -1 without a member id commits into
 * an empty group: how the admin alters offsets) and answers once the offsets are durable in
 * {@code __consumer_offsets}. Metadata longer than {@link GroupCoordinator#MAX_METADATA_LENGTH} answers
 * OFFSET_METADATA_TOO_LARGE for that partition.
 *
 * <p>Version notes: the v2-4 retention time is ignored (offsets of empty groups expire after the broker's
 * {@code offsetsRetention}); v6+ carry the leader epoch, stored and returned by OffsetFetch; v7+ carry
 * {@code group.instance.id}; v9's member epoch field is the classic generation.
 */
public final class OffsetCommitHandler implements RequestHandler<OffsetCommitRequest> {

    private final GroupCoordinator coordinator;
    private final TopicManager topics;

    public OffsetCommitHandler(GroupCoordinator coordinator, TopicManager topics) {
        this.coordinator = coordinator;
        this.topics = topics;
    }

    @Override
    public CompletionStage<OffsetCommitResponse> handle(RequestContext context, OffsetCommitRequest request) {
        Map<TopicPartition, OffsetCommitParams.Offset> offsets = new LinkedHashMap<>();
        for (OffsetCommitRequest.OffsetCommitRequestTopic topic : request.topics()) {
            for (OffsetCommitRequest.OffsetCommitRequestPartition p : topic.partitions()) {
                if (topics.partition(topic.name(), p.partitionIndex()) != null) {
                    offsets.put(new TopicPartition(topic.name(), p.partitionIndex()), new OffsetCommitParams.Offset(
                            p.committedOffset(), p.committedLeaderEpoch(), p.committedMetadata()));
                }
            }
        }
        String instanceId = context.version() >= 7 ? request.groupInstanceId() : null;
        CompletableFuture<Map<TopicPartition, Errors>> committed = offsets.isEmpty()
                ? CompletableFuture.completedFuture(Map.of())
                : coordinator.commitOffsets(new OffsetCommitParams(request.groupId(),
                        request.generationIdOrMemberEpoch(), request.memberId(), instanceId, offsets));
        return committed.thenApply(errors -> {
            List<OffsetCommitResponseTopic> responses = new ArrayList<>(request.topics().size());
            for (OffsetCommitRequest.OffsetCommitRequestTopic topic : request.topics()) {
                List<OffsetCommitResponsePartition> partitions = new ArrayList<>(topic.partitions().size());
                for (OffsetCommitRequest.OffsetCommitRequestPartition p : topic.partitions()) {
                    Errors error = errors.getOrDefault(new TopicPartition(topic.name(), p.partitionIndex()),
                            Errors.UNKNOWN_TOPIC_OR_PARTITION);
                    partitions.add(new OffsetCommitResponsePartition(p.partitionIndex(), error.code()));
                }
                responses.add(new OffsetCommitResponseTopic(topic.name(), partitions));
            }
            return new OffsetCommitResponse(0, responses);
        });
    }
}

package io.mq.broker.handler;

import io.mq.broker.coordinator.GroupCoordinator;
import io.mq.broker.coordinator.TopicPartition;
import io.mq.broker.metadata.TopicManager;
import io.mq.protocol.Errors;
import io.mq.protocol.message.OffsetDeleteRequest;
import io.mq.protocol.message.OffsetDeleteResponse;
import io.mq.protocol.message.OffsetDeleteResponse.OffsetDeleteResponsePartition;
import io.mq.protocol.message.OffsetDeleteResponse.OffsetDeleteResponseTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * OffsetDelete, version 0.
 *
 * <p>Behavior: deletes committed offsets of a group. An empty group loses the requested offsets; an active consumer
 * group only those of topics it does not subscribe to (GROUP_SUBSCRIBED_TO_TOPIC for the others); an unknown group
 * answers GROUP_ID_NOT_FOUND at the top level. Partitions of unknown topics answer UNKNOWN_TOPIC_OR_PARTITION.
 *
 * <p>Version notes: v0 is the only version.
 */
public final class OffsetDeleteHandler implements RequestHandler<OffsetDeleteRequest> {

    private final GroupCoordinator coordinator;
    private final TopicManager topics;

    public OffsetDeleteHandler(GroupCoordinator coordinator, TopicManager topics) {
        this.coordinator = coordinator;
        this.topics = topics;
    }

    @Override
    public CompletionStage<OffsetDeleteResponse> handle(RequestContext context, OffsetDeleteRequest request) {
        List<TopicPartition> known = new ArrayList<>();
        for (OffsetDeleteRequest.OffsetDeleteRequestTopic topic : request.topics()) {
            for (OffsetDeleteRequest.OffsetDeleteRequestPartition p : topic.partitions()) {
                if (topics.partition(topic.name(), p.partitionIndex()) != null) {
                    known.add(new TopicPartition(topic.name(), p.partitionIndex()));
                }
            }
        }
        return coordinator.deleteOffsets(request.groupId(), known).thenApply(result -> {
            if (result.error() != Errors.NONE) {
                return new OffsetDeleteResponse(result.error().code(), 0, List.of());
            }
            List<OffsetDeleteResponseTopic> responses = new ArrayList<>(request.topics().size());
            for (OffsetDeleteRequest.OffsetDeleteRequestTopic topic : request.topics()) {
                List<OffsetDeleteResponsePartition> partitions = new ArrayList<>(topic.partitions().size());
                for (OffsetDeleteRequest.OffsetDeleteRequestPartition p : topic.partitions()) {
                    Errors error = result.partitions().getOrDefault(new TopicPartition(topic.name(),
                            p.partitionIndex()), Errors.UNKNOWN_TOPIC_OR_PARTITION);
                    partitions.add(new OffsetDeleteResponsePartition(p.partitionIndex(), error.code()));
                }
                responses.add(new OffsetDeleteResponseTopic(topic.name(), partitions));
            }
            return new OffsetDeleteResponse(Errors.NONE.code(), 0, responses);
        });
    }
}

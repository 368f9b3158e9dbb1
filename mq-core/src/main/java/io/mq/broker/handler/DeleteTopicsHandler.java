package io.mq.broker.handler;

import io.mq.broker.metadata.Topic;
import io.mq.broker.metadata.TopicManager;
import io.mq.protocol.Errors;
import io.mq.protocol.message.DeleteTopicsRequest;
import io.mq.protocol.message.DeleteTopicsResponse;
import io.mq.protocol.message.DeleteTopicsResponse.DeletableTopicResult;
import io.mq.protocol.types.Uuids;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * DeleteTopics, versions 1-6.
 *
 * <p>Behavior: deletes each named topic and its data (the commit-log space is reclaimed by retention once no live
 * partition needs a segment). Unknown names answer UNKNOWN_TOPIC_OR_PARTITION.
 *
 * <p>Version notes: v1-5 name topics in {@code topicNames}; v6 in {@code topics}, by name or by id (unknown ids
 * answer UNKNOWN_TOPIC_ID); error messages from v5.
 */
public final class DeleteTopicsHandler implements RequestHandler<DeleteTopicsRequest> {

    private final TopicManager topics;

    public DeleteTopicsHandler(TopicManager topics) {
        this.topics = topics;
    }

    @Override
    public CompletionStage<DeleteTopicsResponse> handle(RequestContext context, DeleteTopicsRequest request) {
        List<CompletableFuture<DeletableTopicResult>> results = new ArrayList<>();
        if (context.version() >= 6) {
            for (DeleteTopicsRequest.DeleteTopicState state : request.topics()) {
                results.add(delete(state.name(), state.topicId()));
            }
        } else {
            for (String name : request.topicNames()) {
                results.add(delete(name, null));
            }
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<DeletableTopicResult> done = new ArrayList<>(results.size());
            results.forEach(r -> done.add(r.join()));
            return new DeleteTopicsResponse(0, done);
        });
    }

    private CompletableFuture<DeletableTopicResult> delete(String name, UUID id) {
        boolean byId = name == null && id != null && !id.equals(Uuids.ZERO);
        Topic topic = byId ? topics.topic(id) : topics.topic(name);
        if (topic == null) {
            Errors error = byId ? Errors.UNKNOWN_TOPIC_ID : Errors.UNKNOWN_TOPIC_OR_PARTITION;
            String message = byId ? "topic id " + id + " does not exist" : "topic '" + name + "' does not exist";
            return CompletableFuture.completedFuture(
                    new DeletableTopicResult(name, id == null ? Uuids.ZERO : id, error.code(), message));
        }
        return topics.deleteTopic(topic.name()).thenApply(outcome -> new DeletableTopicResult(topic.name(), topic.id(),
                outcome.error().code(), outcome.message()));
    }
}

package io.mq.broker.handler;

import io.mq.broker.cluster.ClusterView;
import io.mq.broker.metadata.Topic;
import io.mq.broker.metadata.TopicConfig;
import io.mq.broker.metadata.TopicManager;
import io.mq.broker.storage.AppendResult;
import io.mq.broker.storage.CommitLogStore;
import io.mq.broker.storage.PartitionId;
import io.mq.protocol.Errors;
import io.mq.protocol.TopicNames;
import io.mq.protocol.message.ProduceRequest;
import io.mq.protocol.message.ProduceResponse;
import io.mq.protocol.message.ProduceResponse.PartitionProduceResponse;
import io.mq.protocol.message.ProduceResponse.TopicProduceResponse;
import io.mq.protocol.record.MemoryRecords;
import io.mq.protocol.record.RecordBatch;
import io.mq.protocol.record.RecordBatches;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produce, versions 3-11.
 *
 * <p>Behavior: each partition's data must be exactly one magic-2 record batch; it is validated
 * ({@link RecordBatches#validateProduce}), then appended to the commit log, which assigns offsets and enforces idempotence.
 * With acks=1 or acks=all (the same thing on one node) the response waits until the batch is durable as the flush
 * mode defines (an fsync in {@code sync} mode); with acks=0 no response is sent at all. Writing to the
 * broker-managed internal topic {@code __consumer_offsets} answers INVALID_TOPIC_EXCEPTION; a partition this broker
 * does not lead (test cluster) answers NOT_LEADER_OR_FOLLOWER, as does one being moved to another broker.
 *
 * <p>Version notes: v3 is the floor (magic-2 batches only); zstd batches need v7+; v8+ responses carry record
 * errors and an error message, which mq fills for rejected batches.
 */
public final class ProduceHandler implements RequestHandler<ProduceRequest> {

    private static final Logger log = LoggerFactory.getLogger(ProduceHandler.class);

    private final TopicManager topics;
    private final CommitLogStore store;
    private final ClusterView cluster;

    public ProduceHandler(TopicManager topics, CommitLogStore store, ClusterView cluster) {
        this.topics = topics;
        this.store = store;
        this.cluster = cluster;
    }

    @Override
    public CompletionStage<ProduceResponse> handle(RequestContext context, ProduceRequest request) {
        short acks = request.acks();
        if (request.transactionalId() != null) {
            return respond(request, acks, Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED,
                    "transactions are not supported by the mq broker");
        }
        if (acks != 0 && acks != 1 && acks != -1) {
            return respond(request, acks, Errors.INVALID_REQUIRED_ACKS, "acks must be -1, 0 or 1, was " + acks);
        }
        List<TopicProduceResponse> responses = new ArrayList<>(request.topicData().size());
        List<CompletableFuture<Void>> durable = new ArrayList<>();
        for (ProduceRequest.TopicProduceData topicData : request.topicData()) {
            List<PartitionProduceResponse> partitions = new ArrayList<>(topicData.partitionData().size());
            for (ProduceRequest.PartitionProduceData data : topicData.partitionData()) {
                partitions.add(append(context, topicData.name(), data, durable));
            }
            responses.add(new TopicProduceResponse(topicData.name(), partitions));
        }
        ProduceResponse response = new ProduceResponse(responses, 0);
        if (acks == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(durable.toArray(CompletableFuture[]::new)).handle((ignored, error) -> {
            if (error != null) {
                log.error("Flush failed for produce from {} (client {}); answering KAFKA_STORAGE_ERROR",
                        context.remoteAddress(), context.header().clientId(), error);
                return withError(request, Errors.KAFKA_STORAGE_ERROR, "the broker failed to flush the commit log");
            }
            return response;
        });
    }

    private PartitionProduceResponse append(RequestContext context, String topicName,
            ProduceRequest.PartitionProduceData data, List<CompletableFuture<Void>> durable) {
        PartitionId id = topics.partition(topicName, data.index());
        if (id == null) {
            return error(data.index(), Errors.UNKNOWN_TOPIC_OR_PARTITION,
                    "topic-partition " + topicName + "-" + data.index() + " does not exist");
        }
        if (TopicNames.isBrokerManaged(topicName)) {
            return error(data.index(), Errors.INVALID_TOPIC_EXCEPTION,
                    "topic " + topicName + " is internal; only the broker writes to it");
        }
        if (!cluster.isLocalLeader(id)) {
            return error(data.index(), Errors.NOT_LEADER_OR_FOLLOWER, "broker " + cluster.localBrokerId()
                    + " does not lead " + topicName + "-" + data.index());
        }
        Topic topic = topics.topic(topicName);
        int maxMessageBytes = Integer.parseInt(topics.effectiveConfig(topic, TopicConfig.MAX_MESSAGE_BYTES));
        ByteBuf batch = data.records() instanceof MemoryRecords memory ? memory.buffer() : null;
        RecordBatches.Validation validation = RecordBatches.validateProduce(batch, context.version(), maxMessageBytes);
        if (!validation.isValid()) {
            log.debug("Rejected batch for {}-{} from {}: {}", topicName, data.index(), context.remoteAddress(),
                    validation.message());
            return error(data.index(), validation.error(), validation.message());
        }
        AppendResult result;
        try {
            result = store.append(id, batch);
        } catch (RuntimeException e) {
            log.error("Append to {}-{} failed", topicName, data.index(), e);
            return error(data.index(), Errors.KAFKA_STORAGE_ERROR, "append failed: " + e.getMessage());
        }
        if (result.error() != Errors.NONE) {
            RecordBatch header = RecordBatch.at(batch);
            return error(data.index(), result.error(), result.error().message() + " (producer " + header.producerId()
                    + " epoch " + header.producerEpoch() + " sequence " + header.baseSequence() + ")");
        }
        durable.add(result.durable());
        return new PartitionProduceResponse(data.index(), Errors.NONE.code(), result.baseOffset(), -1L,
                result.logStartOffset(), List.of(), null);
    }

    private static PartitionProduceResponse error(int partition, Errors error, String message) {
        return new PartitionProduceResponse(partition, error.code(), -1L, -1L, -1L, List.of(), message);
    }

    private static CompletionStage<ProduceResponse> respond(ProduceRequest request, short acks, Errors error,
            String message) {
        return CompletableFuture.completedFuture(acks == 0 ? null : withError(request, error, message));
    }

    private static ProduceResponse withError(ProduceRequest request, Errors error, String message) {
        List<TopicProduceResponse> responses = new ArrayList<>();
        for (ProduceRequest.TopicProduceData topicData : request.topicData()) {
            List<PartitionProduceResponse> partitions = new ArrayList<>();
            for (ProduceRequest.PartitionProduceData data : topicData.partitionData()) {
                partitions.add(error(data.index(), error, message));
            }
            responses.add(new TopicProduceResponse(topicData.name(), partitions));
        }
        return new ProduceResponse(responses, 0);
    }
}

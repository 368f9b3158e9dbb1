package io.mq.admin.internal;

import io.mq.admin.ConfigChange;
import io.mq.admin.ConfigEntry;
import io.mq.admin.ConfigSource;
import io.mq.admin.CreatedTopic;
import io.mq.admin.InvalidRequestException;
import io.mq.admin.NewTopic;
import io.mq.admin.Outcome;
import io.mq.admin.PartitionDescription;
import io.mq.admin.TopicDescription;
import io.mq.admin.TopicListing;
import io.mq.client.FatalMqException;
import io.mq.client.MqException;
import io.mq.client.UnknownTopicException;
import io.mq.metadata.Cluster;
import io.mq.metadata.Node;
import io.mq.metadata.PartitionMetadata;
import io.mq.metadata.TopicMetadata;
import io.mq.metadata.TopicPartition;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.CreatePartitionsRequest;
import io.mq.protocol.message.CreatePartitionsRequest.CreatePartitionsTopic;
import io.mq.protocol.message.CreatePartitionsResponse;
import io.mq.protocol.message.CreateTopicsRequest;
import io.mq.protocol.message.CreateTopicsRequest.CreatableTopic;
import io.mq.protocol.message.CreateTopicsRequest.CreatableTopicConfig;
import io.mq.protocol.message.CreateTopicsResponse;
import io.mq.protocol.message.CreateTopicsResponse.CreatableTopicResult;
import io.mq.protocol.message.DeleteTopicsRequest;
import io.mq.protocol.message.DeleteTopicsRequest.DeleteTopicState;
import io.mq.protocol.message.DeleteTopicsResponse;
import io.mq.protocol.message.DeleteTopicsResponse.DeletableTopicResult;
import io.mq.protocol.message.DescribeConfigsRequest;
import io.mq.protocol.message.DescribeConfigsRequest.DescribeConfigsResource;
import io.mq.protocol.message.DescribeConfigsResponse;
import io.mq.protocol.message.DescribeConfigsResponse.DescribeConfigsResult;
import io.mq.protocol.message.IncrementalAlterConfigsRequest;
import io.mq.protocol.message.IncrementalAlterConfigsRequest.AlterConfigsResource;
import io.mq.protocol.message.IncrementalAlterConfigsRequest.AlterableConfig;
import io.mq.protocol.message.IncrementalAlterConfigsResponse;
import io.mq.protocol.message.IncrementalAlterConfigsResponse.AlterConfigsResourceResponse;
import io.mq.protocol.types.Uuids;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Topic and config operations: CreateTopics, DeleteTopics, CreatePartitions, DescribeConfigs, Metadata, ... */
final class TopicOperations {

    private static final byte TOPIC = 2;
    private static final byte BROKER = 4;

    private final AdminChannel channel;
    private final OffsetLookup offsets;

    TopicOperations(AdminChannel channel, OffsetLookup offsets) {
        this.channel = channel;
        this.offsets = offsets;
    }

    CompletableFuture<List<Outcome<CreatedTopic>>> createTopics(List<NewTopic> topics, boolean validateOnly) {
        List<CreatableTopic> creatable = topics.stream().map(t -> new CreatableTopic(t.name(), t.partitions(),
                (short) t.replicationFactor(), List.of(), t.configs().entrySet().stream()
                        .map(e -> new CreatableTopicConfig(e.getKey(), e.getValue())).toList())).toList();
        CreateTopicsRequest request = new CreateTopicsRequest(creatable, channel.requestTimeoutMs(), validateOnly);
        List<String> names = topics.stream().map(NewTopic::name).toList();
        return channel.operation("create topics " + names, false, () -> channel.sendToController(
                ApiKey.CREATE_TOPICS, request, CreateTopicsResponse::read).thenApply(response -> {
                    Map<String, CreatableTopicResult> byName = new LinkedHashMap<>();
                    response.topics().forEach(r -> byName.putIfAbsent(r.name(), r));
                    return outcomes(names, "create topic", ApiKey.CREATE_TOPICS, name -> {
                        CreatableTopicResult r = byName.get(name);
                        return r == null ? null : new TopicResult<>(Errors.forCode(r.errorCode()), r.errorMessage(),
                                created(r));
                    });
                }));
    }

    CompletableFuture<List<Outcome<Void>>> deleteTopics(Collection<String> topics) {
        List<String> names = List.copyOf(new LinkedHashSet<>(topics));
        DeleteTopicsRequest request = new DeleteTopicsRequest(
                names.stream().map(n -> new DeleteTopicState(n, Uuids.ZERO)).toList(), names,
                channel.requestTimeoutMs());
        return channel.operation("delete topics " + names, false, () -> channel.sendToController(
                ApiKey.DELETE_TOPICS, request, DeleteTopicsResponse::read).thenApply(response -> {
                    Map<String, DeletableTopicResult> byName = new LinkedHashMap<>();
                    response.responses().forEach(r -> byName.putIfAbsent(r.name(), r));
                    return outcomes(names, "delete topic", ApiKey.DELETE_TOPICS, name -> {
                        DeletableTopicResult r = byName.get(name);
                        return r == null ? null
                                : new TopicResult<Void>(Errors.forCode(r.errorCode()), r.errorMessage(), null);
                    });
                }));
    }

    CompletableFuture<List<TopicListing>> listTopics(boolean includeInternal) {
        return channel.operation("list topics", true, () -> channel.metadata(null).thenApply(cluster ->
                cluster.topics().values().stream()
                        .filter(t -> t.error() == Errors.NONE && (includeInternal || !t.internal()))
                        .map(t -> new TopicListing(t.name(), t.topicId(), t.internal(), t.partitionCount()))
                        .sorted((a, b) -> a.name().compareTo(b.name()))
                        .toList()));
    }

    CompletableFuture<Map<String, TopicDescription>> describeTopics(Collection<String> topics) {
        List<String> names = List.copyOf(new LinkedHashSet<>(topics));
        return channel.operation("describe topics " + names, true, () -> channel.metadata(names)
                .thenCompose(cluster -> {
                    List<TopicPartition> partitions = new ArrayList<>();
                    for (String name : names) {
                        TopicMetadata topic = existing(cluster, name, "describe topic '" + name + "'");
                        topic.partitions().forEach(p -> partitions.add(new TopicPartition(name, p.partition())));
                    }
                    CompletableFuture<Map<TopicPartition, Long>> earliest =
                            offsets.offsets(cluster, partitions, OffsetLookup.EARLIEST);
                    CompletableFuture<Map<TopicPartition, Long>> latest =
                            offsets.offsets(cluster, partitions, OffsetLookup.LATEST);
                    CompletableFuture<Map<String, Map<String, ConfigEntry>>> configs = describeTopicConfigs(names);
                    return CompletableFuture.allOf(earliest, latest, configs).thenApply(ignored -> {
                        Map<String, TopicDescription> described = new LinkedHashMap<>();
                        for (String name : names) {
                            TopicMetadata topic = cluster.topic(name).orElseThrow();
                            List<PartitionDescription> ps = new ArrayList<>(topic.partitionCount());
                            for (PartitionMetadata p : topic.partitions()) {
                                TopicPartition tp = new TopicPartition(name, p.partition());
                                ps.add(new PartitionDescription(p.partition(), p.leader(), p.replicas(), p.isr(),
                                        earliest.join().get(tp), latest.join().get(tp)));
                            }
                            described.put(name, new TopicDescription(name, topic.topicId(), topic.internal(), ps,
                                    configs.join().getOrDefault(name, Map.of())));
                        }
                        return Collections.unmodifiableMap(described);
                    });
                }));
    }

    CompletableFuture<Void> addPartitions(String topic, int newTotal, boolean validateOnly) {
        String action = "increase the partitions of topic '" + topic + "' to " + newTotal;
        CreatePartitionsRequest request = new CreatePartitionsRequest(
                List.of(new CreatePartitionsTopic(topic, newTotal, null)), channel.requestTimeoutMs(), validateOnly);
        return channel.operation(action, false, () -> channel.sendToController(ApiKey.CREATE_PARTITIONS, request,
                CreatePartitionsResponse::read).thenAccept(response -> response.results().stream()
                        .filter(r -> r.name().equals(topic)).findFirst()
                        .ifPresentOrElse(r -> check(Errors.forCode(r.errorCode()), r.errorMessage(), topic, action,
                                ApiKey.CREATE_PARTITIONS), () -> {
                                    throw missingResult(action);
                                })));
    }

    CompletableFuture<Map<String, ConfigEntry>> describeConfigs(String topic) {
        return channel.operation("describe the configs of topic '" + topic + "'", true,
                () -> describeTopicConfigs(List.of(topic)).thenApply(configs -> configs.get(topic)));
    }

    CompletableFuture<Map<String, ConfigEntry>> describeBrokerConfigs(int brokerId) {
        String action = "describe the configs of broker " + brokerId;
        String name = Integer.toString(brokerId);
        return channel.operation(action, true, () -> channel.metadata(List.of()).thenCompose(cluster -> {
            Node broker = cluster.node(brokerId).orElseThrow(() -> new InvalidRequestException(name, action
                    + " failed: no broker has id " + brokerId + "; the brokers are " + cluster.nodes(), null,
                    ApiKey.DESCRIBE_CONFIGS, Errors.INVALID_REQUEST));
            DescribeConfigsRequest request = new DescribeConfigsRequest(
                    List.of(new DescribeConfigsResource(BROKER, name, null)), false, false);
            return channel.send(broker, ApiKey.DESCRIBE_CONFIGS, request, DescribeConfigsResponse::read)
                    .thenApply(response -> configs(response).get(name));
        }));
    }

    CompletableFuture<Void> alterConfigs(String topic, Map<String, ConfigChange> changes, boolean validateOnly) {
        String action = "alter the configs of topic '" + topic + "'";
        List<AlterableConfig> alterations = changes.entrySet().stream().map(e -> new AlterableConfig(e.getKey(),
                e.getValue().operation().code(), e.getValue().value())).toList();
        IncrementalAlterConfigsRequest request = new IncrementalAlterConfigsRequest(
                List.of(new AlterConfigsResource(TOPIC, topic, alterations)), validateOnly);
        return channel.operation(action, true, () -> channel.sendToController(ApiKey.INCREMENTAL_ALTER_CONFIGS, request,
                IncrementalAlterConfigsResponse::read).thenAccept(response -> {
                    AlterConfigsResourceResponse result = response.responses().stream()
                            .filter(r -> r.resourceType() == TOPIC && r.resourceName().equals(topic)).findFirst()
                            .orElseThrow(() -> missingResult(action));
                    check(Errors.forCode(result.errorCode()), result.errorMessage(), topic, action,
                            ApiKey.INCREMENTAL_ALTER_CONFIGS);
                }));
    }

    /**
     * The metadata of {@code topic} in {@code cluster}; fails with {@link UnknownTopicException} when it does not
     * exist, or the typed error the broker gave for it.
     */
    static TopicMetadata existing(Cluster cluster, String topic, String action) {
        TopicMetadata metadata = cluster.topic(topic).orElse(null);
        Errors error = metadata == null ? Errors.UNKNOWN_TOPIC_OR_PARTITION : metadata.error();
        if (error == Errors.UNKNOWN_TOPIC_OR_PARTITION) {
            throw new UnknownTopicException(topic, action + " failed: topic '" + topic + "' does not exist",
                    error, null);
        }
        if (error != Errors.NONE) {
            throw AdminErrors.forTopic(error, null, topic, action, null, ApiKey.METADATA);
        }
        return metadata;
    }

    private CompletableFuture<Map<String, Map<String, ConfigEntry>>> describeTopicConfigs(List<String> topics) {
        DescribeConfigsRequest request = new DescribeConfigsRequest(
                topics.stream().map(t -> new DescribeConfigsResource(TOPIC, t, null)).toList(), false, false);
        return channel.sendToAny(ApiKey.DESCRIBE_CONFIGS, request, DescribeConfigsResponse::read)
                .thenApply(response -> configs(response));
    }

    /** The configs of each resource in {@code response} by resource name; the first error fails. */
    private Map<String, Map<String, ConfigEntry>> configs(DescribeConfigsResponse response) {
        Map<String, Map<String, ConfigEntry>> byResource = new LinkedHashMap<>();
        for (DescribeConfigsResult result : response.results()) {
            String name = result.resourceName();
            String action = result.resourceType() == TOPIC ? "describe the configs of topic '" + name + "'"
                    : "describe the configs of broker " + name;
            check(Errors.forCode(result.errorCode()), result.errorMessage(), name, action, ApiKey.DESCRIBE_CONFIGS);
            Map<String, ConfigEntry> entries = new TreeMap<>();
            result.configs().forEach(c -> entries.put(c.name(), new ConfigEntry(c.name(), c.value(),
                    ConfigSource.forCode(c.configSource()), c.readOnly(), c.isSensitive())));
            byResource.put(name, Collections.unmodifiableMap(entries));
        }
        return byResource;
    }

    private static CreatedTopic created(CreatableTopicResult r) {
        Map<String, String> configs = new TreeMap<>();
        if (r.configs() != null) {
            r.configs().stream().filter(c -> c.value() != null).forEach(c -> configs.put(c.name(), c.value()));
        }
        return new CreatedTopic(r.name(), r.topicId(), r.numPartitions(), r.replicationFactor(), configs);
    }

    /**
     * One outcome per name in request order. When every topic failed with a retriable error the broker answered
     * (e.g. NOT_CONTROLLER), nothing was applied: that error is thrown so the operation retries.
     */
    private <T> List<Outcome<T>> outcomes(List<String> names, String verb, ApiKey api,
            Function<String, TopicResult<T>> results) {
        List<Outcome<T>> outcomes = new ArrayList<>(names.size());
        MqException firstRetriable = null;
        int retriable = 0;
        for (String name : names) {
            TopicResult<T> result = results.apply(name);
            String action = verb + " '" + name + "'";
            if (result == null) {
                outcomes.add(Outcome.failure(name, missingResult(action)));
            } else if (result.error() == Errors.NONE) {
                outcomes.add(Outcome.success(name, result.value()));
            } else {
                MqException error = AdminErrors.forTopic(result.error(), result.message(), name, action, null, api);
                if (error.isRetriable()) {
                    retriable++;
                    firstRetriable = firstRetriable == null ? error : firstRetriable;
                }
                if (result.error() == Errors.NOT_CONTROLLER) {
                    channel.forgetController();
                }
                outcomes.add(Outcome.failure(name, error));
            }
        }
        if (retriable == names.size() && firstRetriable != null) {
            throw firstRetriable;
        }
        return outcomes;
    }

    private void check(Errors error, String message, String topic, String action, ApiKey api) {
        if (error != Errors.NONE) {
            if (error == Errors.NOT_CONTROLLER) {
                channel.forgetController();
            }
            throw AdminErrors.forTopic(error, message, topic, action, null, api);
        }
    }

    private static FatalMqException missingResult(String action) {
        return new FatalMqException(action + " failed: the broker's response has no result for it");
    }

    /** The broker's answer for one topic. */
    private record TopicResult<T>(Errors error, String message, T value) {
    }
}

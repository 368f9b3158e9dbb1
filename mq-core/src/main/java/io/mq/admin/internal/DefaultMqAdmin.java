package io.mq.admin.internal;

import io.mq.admin.AdminOptions;
import io.mq.admin.ClusterDescription;
import io.mq.admin.ConfigChange;
import io.mq.admin.ConfigEntry;
import io.mq.admin.CreatedTopic;
import io.mq.admin.GroupDescription;
import io.mq.admin.GroupListing;
import io.mq.admin.GroupOffsets;
import io.mq.admin.GroupOffsetsReset;
import io.mq.admin.GroupState;
import io.mq.admin.InvalidRequestException;
import io.mq.admin.MqAdmin;
import io.mq.admin.NewTopic;
import io.mq.admin.OffsetSpec;
import io.mq.admin.Outcome;
import io.mq.admin.TopicDescription;
import io.mq.admin.TopicListing;
import io.mq.client.ClientResources;
import io.mq.client.MqExceptions;
import io.mq.client.UnsupportedVersionException;
import io.mq.metadata.Node;
import io.mq.metadata.TopicPartition;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.DescribeClusterRequest;
import io.mq.protocol.message.DescribeClusterResponse;
import io.netty.util.concurrent.EventExecutor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The {@link MqAdmin} implementation: checks arguments, then hands each operation to the topic or group operations,
 * which run it through the {@link AdminChannel} (routing, retries, operation timeout).
 */
public final class DefaultMqAdmin implements MqAdmin {

    private static final byte BROKERS = 1;

    private final AdminOptions options;
    private final ClientResources resources;
    private final AdminChannel channel;
    private final TopicOperations topics;
    private final GroupOperations groups;
    private final GroupOffsetOperations groupOffsets;

    /**
     * @param options   validated settings
     * @param resources the event loops to run on (not shut down by {@link #close()})
     */
    public DefaultMqAdmin(AdminOptions options, ClientResources resources) {
        this.options = options;
        this.resources = resources;
        this.channel = new AdminChannel(options, resources);
        OffsetLookup offsets = new OffsetLookup(channel);
        this.topics = new TopicOperations(channel, offsets);
        this.groups = new GroupOperations(channel);
        this.groupOffsets = new GroupOffsetOperations(channel, groups, offsets);
    }

    @Override
    public CompletableFuture<List<Outcome<CreatedTopic>>> createTopics(List<NewTopic> newTopics, boolean validateOnly) {
        if (newTopics == null || newTopics.isEmpty() || newTopics.stream().anyMatch(Objects::isNull)) {
            return invalid("topics", "createTopics needs at least one topic and no null entries");
        }
        return topics.createTopics(newTopics, validateOnly);
    }

    @Override
    public CompletableFuture<List<Outcome<Void>>> deleteTopics(Collection<String> names) {
        return names(names, "topic", "deleteTopics", () -> topics.deleteTopics(names));
    }

    @Override
    public CompletableFuture<List<TopicListing>> listTopics(boolean includeInternal) {
        return topics.listTopics(includeInternal);
    }

    @Override
    public CompletableFuture<Map<String, TopicDescription>> describeTopics(Collection<String> names) {
        return names(names, "topic", "describeTopics", () -> topics.describeTopics(names));
    }

    @Override
    public CompletableFuture<Void> addPartitions(String topic, int newTotal, boolean validateOnly) {
        return name(topic, "topic", () -> topics.addPartitions(topic, newTotal, validateOnly));
    }

    @Override
    public CompletableFuture<Map<String, ConfigEntry>> describeConfigs(String topic) {
        return name(topic, "topic", () -> topics.describeConfigs(topic));
    }

    @Override
    public CompletableFuture<Map<String, ConfigEntry>> describeBrokerConfigs(int brokerId) {
        return topics.describeBrokerConfigs(brokerId);
    }

    @Override
    public CompletableFuture<Void> alterConfigs(String topic, Map<String, ConfigChange> changes,
            boolean validateOnly) {
        if (changes == null || changes.isEmpty()
                || changes.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            return invalid(String.valueOf(topic), "alterConfigs needs at least one change and no null keys or "
                    + "changes (topic '" + topic + "')");
        }
        return name(topic, "topic", () -> topics.alterConfigs(topic, changes, validateOnly));
    }

    @Override
    public CompletableFuture<ClusterDescription> describeCluster() {
        return channel.operation("describe the cluster", true, () -> channel.sendToAny(ApiKey.DESCRIBE_CLUSTER,
                new DescribeClusterRequest(false, BROKERS), DescribeClusterResponse::read).thenApply(response -> {
                    Errors error = Errors.forCode(response.errorCode());
                    if (error != Errors.NONE) {
                        throw MqExceptions.fromError(error, "describe the cluster", null, ApiKey.DESCRIBE_CLUSTER);
                    }
                    List<Node> nodes = response.brokers().stream()
                            .map(b -> new Node(b.brokerId(), b.host(), b.port()))
                            .sorted((a, b) -> Integer.compare(a.id(), b.id())).toList();
                    Node controller = nodes.stream().filter(n -> n.id() == response.controllerId()).findFirst()
                            .orElse(null);
                    return new ClusterDescription(response.clusterId(), controller, nodes);
                }).exceptionallyCompose(failure -> MqExceptions.unwrap(failure) instanceof UnsupportedVersionException
                        ? channel.metadata(List.of()).thenApply(cluster -> new ClusterDescription(
                                cluster.clusterId().orElse(null), cluster.controller().orElse(null), cluster.nodes()))
                        : CompletableFuture.failedFuture(failure)));
    }

    @Override
    public CompletableFuture<List<GroupListing>> listGroups(Set<GroupState> states) {
        return groups.listGroups(states == null ? Set.of() : Set.copyOf(states));
    }

    @Override
    public CompletableFuture<Map<String, GroupDescription>> describeGroups(Collection<String> groupIds) {
        return names(groupIds, "group", "describeGroups", () -> groups.describeGroups(groupIds));
    }

    @Override
    public CompletableFuture<GroupDescription> describeGroup(String groupId) {
        return name(groupId, "group", () -> groups.describeGroup(groupId));
    }

    @Override
    public CompletableFuture<List<Outcome<Void>>> deleteGroups(Collection<String> groupIds) {
        return names(groupIds, "group", "deleteGroups", () -> groups.deleteGroups(groupIds));
    }

    @Override
    public CompletableFuture<GroupOffsets> listGroupOffsets(String groupId) {
        return name(groupId, "group", () -> groupOffsets.listGroupOffsets(groupId));
    }

    @Override
    public CompletableFuture<GroupOffsetsReset> resetGroupOffsets(String groupId, String topic, OffsetSpec spec,
            boolean dryRun) {
        if (spec == null) {
            return invalid(String.valueOf(groupId), "resetGroupOffsets needs an offset spec (group '" + groupId
                    + "')");
        }
        return name(groupId, "group", () -> name(topic, "topic",
                () -> groupOffsets.resetGroupOffsets(groupId, topic, spec, dryRun)));
    }

    @Override
    public CompletableFuture<GroupOffsetsReset> resetGroupOffsets(String groupId, Collection<TopicPartition> partitions,
            OffsetSpec spec, boolean dryRun) {
        if (spec == null || partitions == null || partitions.isEmpty()
                || partitions.stream().anyMatch(Objects::isNull)) {
            return invalid(String.valueOf(groupId), "resetGroupOffsets needs an offset spec and at least one "
                    + "partition (group '" + groupId + "')");
        }
        return name(groupId, "group", () -> groupOffsets.resetGroupOffsets(groupId, partitions, spec, dryRun));
    }

    @Override
    public CompletableFuture<List<TopicPartition>> deleteGroupOffsets(String groupId, String topic) {
        return name(groupId, "group", () -> name(topic, "topic",
                () -> groupOffsets.deleteGroupOffsets(groupId, topic)));
    }

    @Override
    public CompletableFuture<Void> closeAsync() {
        return channel.closeAsync();
    }

    @Override
    public void close() {
        CompletableFuture<Void> done = closeAsync();
        for (EventExecutor loop : resources.eventLoopGroup()) {
            if (loop.inEventLoop()) {
                return;
            }
        }
        done.completeOnTimeout(null, options.connection().connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .join();
    }

    @Override
    public String toString() {
        return "MqAdmin[clientId=" + channel.clientId() + ", bootstrap=" + options.bootstrapServers()
                + (channel.isClosed() ? ", closed" : "") + "]";
    }

    private static <T> CompletableFuture<T> name(String name, String kind,
            Supplier<CompletableFuture<T>> operation) {
        if (name == null || name.isBlank()) {
            return invalid(String.valueOf(name), "a " + kind + " name must not be blank, was '" + name + "'");
        }
        return operation.get();
    }

    private static <T> CompletableFuture<T> names(Collection<String> names, String kind, String method,
            Supplier<CompletableFuture<T>> operation) {
        if (names == null || names.isEmpty() || names.stream().anyMatch(n -> n == null || n.isBlank())) {
            return invalid(String.valueOf(names), method + " needs at least one " + kind + " and no blank names, was "
                    + names);
        }
        return operation.get();
    }

    private static <T> CompletableFuture<T> invalid(String resource, String message) {
        return CompletableFuture.failedFuture(new InvalidRequestException(resource, message, null, null,
                Errors.INVALID_REQUEST));
    }
}

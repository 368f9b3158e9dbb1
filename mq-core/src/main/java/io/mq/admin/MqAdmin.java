package io.mq.admin;

import io.mq.admin.internal.DefaultMqAdmin;
import io.mq.client.ClientResources;
import io.mq.client.ConnectionOptions;
import io.mq.metadata.TopicPartition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Administers a Kafka-protocol cluster (the embedded broker or Apache Kafka): topics, configs, consumer groups and
 * their offsets.
 *
 * <pre>{@code
 * try (MqAdmin admin = MqAdmin.builder().bootstrapServers("127.0.0.1:9092").build()) {
 *     admin.createTopic(NewTopic.of("orders", 3), false)
 *          .thenCompose(created -> admin.describeTopic("orders"))
 *          .thenAccept(topic -> System.out.println(topic.partitions()));
 * }
 * }</pre>
 *
 * <p>Every operation returns at once with a {@link CompletableFuture}; nothing blocks the caller. Futures complete on
 * the client's event loops: dependent actions must not block (use the {@code *Async} variants for slow work).
 * Failures are {@link io.mq.client.MqException}s naming the topic or group: {@link io.mq.client.UnknownTopicException},
 * {@link TopicExistsException}, {@link GroupNotFoundException}, {@link GroupNotEmptyException},
 * {@link InvalidConfigException}, {@link InvalidRequestException}, {@link io.mq.client.MqTimeoutException} when the
 * operation timeout passes, {@link io.mq.client.RetriableMqException} when the cluster cannot be reached.
 *
 * <p>Routing: topic and config changes go to the controller (any broker forwards them in KRaft clusters), offset
 * lookups to each partition's leader, group requests to the group's coordinator (found with FindCoordinator and
 * looked up again when it moves). Retriable failures are retried with backoff, within the operation timeout and
 * {@link AdminOptions#maxAttempts()}; changes that are not idempotent are retried only when the broker answered that
 * it did not apply them.
 */
public interface MqAdmin extends AutoCloseable {

    /** A builder with every setting at its default; only the bootstrap servers must be given. */
    static Builder builder() {
        return new Builder();
    }

    // ---- topics ----

    /**
     * Creates topics (or, with {@code validateOnly}, only checks that they could be created). The outcome of each
     * topic is independent: {@link TopicExistsException}, {@link InvalidRequestException} (partitions, replication
     * factor, name), {@link InvalidConfigException}.
     */
    CompletableFuture<List<Outcome<CreatedTopic>>> createTopics(List<NewTopic> topics, boolean validateOnly);

    /** {@link #createTopics} for one topic; fails with its typed error. */
    default CompletableFuture<CreatedTopic> createTopic(NewTopic topic, boolean validateOnly) {
        return createTopics(List.of(topic), validateOnly).thenApply(outcomes -> outcomes.get(0).orThrow());
    }

    /** Deletes topics and their data; each outcome may fail with {@link io.mq.client.UnknownTopicException}. */
    CompletableFuture<List<Outcome<Void>>> deleteTopics(Collection<String> topics);

    /** {@link #deleteTopics} for one topic; fails with its typed error. */
    default CompletableFuture<Void> deleteTopic(String topic) {
        return deleteTopics(List.of(topic)).thenApply(outcomes -> outcomes.get(0).orThrow());
    }

    /** The topics of the cluster ordered by name; internal ones (such as {@code __consumer_offsets}) only if asked. */
    CompletableFuture<List<TopicListing>> listTopics(boolean includeInternal);

    /**
     * Describes topics: partitions with leader, replicas and earliest/latest offsets, topic id, internal flag and
     * configs. Fails with {@link io.mq.client.UnknownTopicException} naming the first topic that does not exist.
     */
    CompletableFuture<Map<String, TopicDescription>> describeTopics(Collection<String> topics);

    /** {@link #describeTopics} for one topic. */
    default CompletableFuture<TopicDescription> describeTopic(String topic) {
        return describeTopics(List.of(topic)).thenApply(described -> described.get(topic));
    }

    /**
     * Grows {@code topic} to {@code newTotal} partitions (or only validates). Fails with
     * {@link InvalidRequestException} (INVALID_PARTITIONS) when {@code newTotal} is not larger than the current
     * count, {@link io.mq.client.UnknownTopicException} when the topic does not exist.
     */
    CompletableFuture<Void> addPartitions(String topic, int newTotal, boolean validateOnly);

    // ---- configs ----

    /** Every config of {@code topic} by name, with its value and source. */
    CompletableFuture<Map<String, ConfigEntry>> describeConfigs(String topic);

    /** Every config of the broker with id {@code brokerId} by name (asked of that broker). */
    CompletableFuture<Map<String, ConfigEntry>> describeBrokerConfigs(int brokerId);

    /**
     * Changes some configs of {@code topic} (IncrementalAlterConfigs): entries not named keep their values. With
     * {@code validateOnly} the broker only checks the changes. Fails with {@link InvalidConfigException} for unknown
     * keys or invalid values, {@link io.mq.client.UnknownTopicException} when the topic does not exist.
     */
    CompletableFuture<Void> alterConfigs(String topic, Map<String, ConfigChange> changes, boolean validateOnly);

    /** {@link #alterConfigs(String, Map, boolean)}, applying the changes. */
    default CompletableFuture<Void> alterConfigs(String topic, Map<String, ConfigChange> changes) {
        return alterConfigs(topic, changes, false);
    }

    // ---- cluster ----

    /** The cluster id, the controller and the brokers. */
    CompletableFuture<ClusterDescription> describeCluster();

    // ---- groups ----

    /**
     * The groups of the cluster (ListGroups asked of every broker, merged), ordered by id; only those in
     * {@code states} unless it is empty.
     */
    CompletableFuture<List<GroupListing>> listGroups(Set<GroupState> states);

    /**
     * Describes groups: state, protocol, assignor, coordinator, members with their subscriptions and assignments. A
     * group that does not exist is described in state {@link GroupState#DEAD}.
     */
    CompletableFuture<Map<String, GroupDescription>> describeGroups(Collection<String> groupIds);

    /** {@link #describeGroups} for one group; fails with {@link GroupNotFoundException} when it does not exist. */
    CompletableFuture<GroupDescription> describeGroup(String groupId);

    /**
     * Deletes groups with their committed offsets. Each outcome may fail with {@link GroupNotEmptyException} (it has
     * members) or {@link GroupNotFoundException}.
     */
    CompletableFuture<List<Outcome<Void>>> deleteGroups(Collection<String> groupIds);

    /** {@link #deleteGroups} for one group; fails with its typed error. */
    default CompletableFuture<Void> deleteGroup(String groupId) {
        return deleteGroups(List.of(groupId)).thenApply(outcomes -> outcomes.get(0).orThrow());
    }

    /**
     * The group's committed offsets with each partition's end offset and lag, and the total lag. A group without
     * committed offsets (or that does not exist) has no partitions.
     */
    CompletableFuture<GroupOffsets> listGroupOffsets(String groupId);

    /**
     * Moves the group's offsets in every partition of {@code topic} to {@code spec} (target offsets found with
     * ListOffsets) and commits them, or with {@code dryRun} only computes them. Committing needs a group without
     * members: an active group fails with {@link GroupNotEmptyException}; a dry run works in any state. A group
     * that does not exist yet is created with these offsets.
     */
    CompletableFuture<GroupOffsetsReset> resetGroupOffsets(String groupId, String topic, OffsetSpec spec,
            boolean dryRun);

    /** {@link #resetGroupOffsets(String, String, OffsetSpec, boolean)} for some partitions. */
    CompletableFuture<GroupOffsetsReset> resetGroupOffsets(String groupId, Collection<TopicPartition> partitions,
            OffsetSpec spec, boolean dryRun);

    /**
     * Deletes the group's committed offsets for every partition of {@code topic} it has committed and returns those
     * partitions (empty when there were none). Fails with {@link GroupNotEmptyException} when active members
     * consume the topic, {@link GroupNotFoundException} when the group does not exist.
     */
    CompletableFuture<List<TopicPartition>> deleteGroupOffsets(String groupId, String topic);

    // ---- lifecycle ----

    /**
     * Closes the connections; operations still running and later ones fail. Completes when the connections are
     * closed. Does not shut down the {@link ClientResources}.
     */
    CompletableFuture<Void> closeAsync();

    /** {@link #closeAsync()}, waiting for it (at most the connect timeout) unless called on an event loop. */
    @Override
    void close();

    /** Builds an {@link MqAdmin}; every setting starts at its {@code DEFAULT_*} value in {@link AdminOptions}. */
    final class Builder {
        private final List<String> bootstrapServers = new ArrayList<>();
        private ConnectionOptions connection = ConnectionOptions.defaults();
        private ClientResources resources;
        private Duration requestTimeout = AdminOptions.DEFAULT_REQUEST_TIMEOUT;
        private Duration operationTimeout = AdminOptions.DEFAULT_OPERATION_TIMEOUT;
        private Duration retryBackoff = AdminOptions.DEFAULT_RETRY_BACKOFF;
        private Duration retryBackoffMax = AdminOptions.DEFAULT_RETRY_BACKOFF_MAX;
        private int maxAttempts = AdminOptions.DEFAULT_MAX_ATTEMPTS;

        private Builder() {
        }

        /** A comma-separated {@code host:port} list. */
        public Builder bootstrapServers(String servers) {
            bootstrapServers.clear();
            for (String s : servers.split(",")) {
                if (!s.isBlank()) {
                    bootstrapServers.add(s.trim());
                }
            }
            return this;
        }

        /** {@code host:port} addresses. */
        public Builder bootstrapServers(List<String> servers) {
            bootstrapServers.clear();
            bootstrapServers.addAll(servers);
            return this;
        }

        /** Connection settings; {@link ConnectionOptions#defaults()} unless given. */
        public Builder connection(ConnectionOptions connection) {
            this.connection = connection;
            return this;
        }

        /** The event loops to run on; {@link ClientResources#shared()} unless given. Closing the admin keeps them. */
        public Builder resources(ClientResources resources) {
            this.resources = resources;
            return this;
        }

        /** See {@link AdminOptions#requestTimeout()}. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** See {@link AdminOptions#operationTimeout()}. */
        public Builder operationTimeout(Duration operationTimeout) {
            this.operationTimeout = operationTimeout;
            return this;
        }

        /** See {@link AdminOptions#retryBackoff()} and {@link AdminOptions#retryBackoffMax()}. */
        public Builder retryBackoff(Duration initial, Duration max) {
            this.retryBackoff = initial;
            this.retryBackoffMax = max;
            return this;
        }

        /** See {@link AdminOptions#maxAttempts()}. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Every setting of {@code options}. */
        public Builder options(AdminOptions options) {
            bootstrapServers(options.bootstrapServers());
            connection = options.connection();
            requestTimeout = options.requestTimeout();
            operationTimeout = options.operationTimeout();
            retryBackoff = options.retryBackoff();
            retryBackoffMax = options.retryBackoffMax();
            maxAttempts = options.maxAttempts();
            return this;
        }

        /** The settings given so far, validated. */
        public AdminOptions buildOptions() {
            return new AdminOptions(bootstrapServers, connection, requestTimeout, operationTimeout, retryBackoff,
                    retryBackoffMax, maxAttempts);
        }

        /**
         * Validates the settings and creates the client. Nothing connects yet: the first operation does.
         *
         * @throws io.mq.client.MqConfigurationException naming an invalid setting
         */
        public MqAdmin build() {
            return new DefaultMqAdmin(buildOptions(), resources != null ? resources : ClientResources.shared());
        }
    }
}

package io.mq.broker.metadata;

import io.mq.protocol.TopicNames;

import io.mq.broker.BrokerConfig;
import io.mq.broker.storage.CommitLogStore;
import io.mq.broker.storage.PartitionId;
import io.mq.protocol.Errors;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller for topics: lookups are lock-free and safe on event loops; changes (create, delete, grow, alter
 * configs, producer-id allocation) run one at a time on a dedicated control thread, because they write durable files,
 * and complete a future with the outcome. Where partitions are stored is up to a {@link PartitionPlacement}: the
 * broker's own store, or the brokers of a test cluster, which share one manager.
 */
public final class TopicManager implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicManager.class);

    private final BrokerConfig config;
    private final TopicRegistry registry;
    private final PartitionPlacement placement;
    private final Map<String, String> defaults;
    private final ExecutorService control = Executors.newSingleThreadExecutor(
            new DefaultThreadFactory("mq-broker-control", true));

    /** A single broker's manager: every partition lives in {@code store}, which is first reconciled with the registry. */
    public TopicManager(BrokerConfig config, TopicRegistry registry, CommitLogStore store) {
        this(config, registry, new StorePartitions(store));
        StorePartitions.reconcile(store, registry.all(), id -> true);
    }

    /** A manager placing partitions with {@code placement}; topic defaults come from {@code config}. */
    public TopicManager(BrokerConfig config, TopicRegistry registry, PartitionPlacement placement) {
        this.config = config;
        this.registry = registry;
        this.placement = placement;
        this.defaults = TopicConfig.defaults(config);
    }

    /** Partition count of topics created without one. */
    public int defaultPartitions() {
        return config.defaultPartitions();
    }

    /** The topic named {@code name}, or {@code null}. */
    public Topic topic(String name) {
        return registry.get(name);
    }

    /** The topic with id {@code id}, or {@code null}. */
    public Topic topic(java.util.UUID id) {
        return registry.byId(id);
    }

    /** Every topic. */
    public Collection<Topic> topics() {
        return registry.all();
    }

    /** The storage id of a partition, or {@code null} if the topic or partition does not exist. */
    public PartitionId partition(String topicName, int partition) {
        Topic topic = registry.get(topicName);
        return topic == null || partition < 0 || partition >= topic.partitions() ? null
                : new PartitionId(topic.id(), partition);
    }

    /** The value of {@code key} for {@code topic}: set on the topic, else the broker default. */
    public String effectiveConfig(Topic topic, String key) {
        return topic.config(key, defaults.get(key));
    }

    /** Every supported config key with its broker default. */
    public Map<String, String> defaultConfigs() {
        return defaults;
    }

    /** Creates a topic (or only validates the request). Partitions -1 means the broker default. */
    public CompletableFuture<Outcome> createTopic(String name, int partitions, short replicationFactor,
            Map<String, String> configs, boolean validateOnly) {
        return createTopic(name, partitions, replicationFactor, configs, null, validateOnly);
    }

    /**
     * Creates a topic (or only validates the request) with a manual assignment: {@code leaders} names the broker of
     * each partition ({@code null}: the placement chooses; partitions -1 means the broker default).
     */
    public CompletableFuture<Outcome> createTopic(String name, int partitions, short replicationFactor,
            Map<String, String> configs, List<Integer> leaders, boolean validateOnly) {
        return onControlThread(() -> {
            Outcome invalid = validateCreate(name, partitions, replicationFactor, configs);
            int count = partitions == -1 ? config.defaultPartitions() : partitions;
            if (invalid == null && leaders != null && leaders.size() != count) {
                invalid = new Outcome(Errors.INVALID_REPLICA_ASSIGNMENT, "the assignment lists " + leaders.size()
                        + " partitions, the topic has " + count);
            }
            if (invalid != null || validateOnly) {
                return invalid != null ? invalid : Outcome.OK;
            }
            Topic topic = registry.create(name, count, configs);
            placement.create(topic, 0, topic.partitions(), leaders);
            log.info("Created topic {} with {} partitions and configs {}", name, topic.partitions(), configs);
            return Outcome.OK;
        });
    }

    /** Creates {@code name} with broker defaults if it does not exist yet (Metadata auto-creation). */
    public CompletableFuture<Outcome> autoCreate(String name) {
        return createTopic(name, -1, (short) -1, Map.of(), false).thenApply(
                outcome -> outcome.error() == Errors.TOPIC_ALREADY_EXISTS ? Outcome.OK : outcome);
    }

    /**
     * Creates a broker-managed topic with {@code partitions} and {@code configs} unless it exists (then it keeps its
     * partition count) and returns it. Blocks until done: for broker start, not for event loops.
     *
     * @throws IllegalStateException if the topic cannot be created
     */
    public Topic ensureTopic(String name, int partitions, Map<String, String> configs) {
        Outcome outcome = createTopic(name, partitions, (short) 1, configs, false).join();
        Topic topic = registry.get(name);
        if (topic == null) {
            throw new IllegalStateException("cannot create topic " + name + ": " + outcome.message());
        }
        if (outcome.error() == Errors.TOPIC_ALREADY_EXISTS && topic.partitions() != partitions) {
            log.warn("Topic {} exists with {} partitions; keeping them (configured: {})", name, topic.partitions(),
                    partitions);
        }
        return topic;
    }

    /** Deletes a topic and its partitions' data. */
    public CompletableFuture<Outcome> deleteTopic(String name) {
        return onControlThread(() -> {
            if (TopicNames.isBrokerManaged(name)) {
                return managed(name);
            }
            Topic topic = registry.get(name);
            if (topic == null) {
                return new Outcome(Errors.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + name + "' does not exist");
            }
            registry.delete(name);
            placement.delete(topic);
            log.info("Deleted topic {}", name);
            return Outcome.OK;
        });
    }

    /** Grows a topic to {@code count} partitions (or only validates). */
    public CompletableFuture<Outcome> addPartitions(String name, int count, boolean validateOnly) {
        return addPartitions(name, count, null, validateOnly);
    }

    /** Grows a topic to {@code count} partitions (or only validates); {@code leaders} as in {@link #createTopic}. */
    public CompletableFuture<Outcome> addPartitions(String name, int count, List<Integer> leaders,
            boolean validateOnly) {
        return onControlThread(() -> {
            if (TopicNames.isBrokerManaged(name)) {
                return managed(name);
            }
            Topic topic = registry.get(name);
            if (topic == null) {
                return new Outcome(Errors.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + name + "' does not exist");
            }
            if (count <= topic.partitions()) {
                return new Outcome(Errors.INVALID_PARTITIONS, "topic '" + name + "' has " + topic.partitions()
                        + " partitions; the new count must be larger, was " + count);
            }
            if (leaders != null && leaders.size() != count - topic.partitions()) {
                return new Outcome(Errors.INVALID_REPLICA_ASSIGNMENT, "the assignment lists " + leaders.size()
                        + " partitions; " + (count - topic.partitions()) + " are added");
            }
            if (!validateOnly) {
                placement.create(registry.setPartitions(name, count), topic.partitions(), count, leaders);
                log.info("Increased topic {} from {} to {} partitions", name, topic.partitions(), count);
            }
            return Outcome.OK;
        });
    }

    /** Replaces the configs set on a topic (validated first). */
    public CompletableFuture<Outcome> setConfigs(String name, Map<String, String> configs, boolean validateOnly) {
        return setConfigs(name, current -> configs, validateOnly);
    }

    /**
     * Replaces the configs set on a topic with what {@code change} makes of the current ones (validated first). The
     * change runs on the control thread, so concurrent changes of one topic never overwrite each other; it returns
     * the new configs, or throws {@link IllegalArgumentException} whose message says why it cannot apply
     * (INVALID_CONFIG).
     */
    public CompletableFuture<Outcome> setConfigs(String name, UnaryOperator<Map<String, String>> change,
            boolean validateOnly) {
        return onControlThread(() -> {
            Topic topic = registry.get(name);
            if (topic == null) {
                return new Outcome(Errors.UNKNOWN_TOPIC_OR_PARTITION, "topic '" + name + "' does not exist");
            }
            Map<String, String> configs;
            try {
                configs = change.apply(topic.configs());
            } catch (IllegalArgumentException e) {
                return new Outcome(Errors.INVALID_CONFIG, e.getMessage());
            }
            Outcome invalid = validateConfigs(configs);
            if (invalid == null && !validateOnly) {
                registry.setConfigs(name, configs);
            }
            return invalid == null ? Outcome.OK : invalid;
        });
    }

    /** A producer id never handed out before by this broker, across restarts. */
    public CompletableFuture<Long> nextProducerId() {
        return onControlThread(registry::nextProducerId);
    }

    @Override
    public void close() {
        control.shutdown();
        try {
            control.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Outcome managed(String name) {
        return new Outcome(Errors.INVALID_TOPIC_EXCEPTION, "topic '" + name + "' is internal and managed by the broker");
    }

    private Outcome validateCreate(String name, int partitions, short replicationFactor, Map<String, String> configs) {
        String badName = TopicNames.validate(name);
        if (badName != null) {
            return new Outcome(Errors.INVALID_TOPIC_EXCEPTION, badName);
        }
        if (registry.get(name) != null) {
            return new Outcome(Errors.TOPIC_ALREADY_EXISTS, "topic '" + name + "' already exists");
        }
        if (partitions == 0 || partitions < -1) {
            return new Outcome(Errors.INVALID_PARTITIONS, "number of partitions must be at least 1, was " + partitions);
        }
        if (replicationFactor == 0 || replicationFactor < -1) {
            return new Outcome(Errors.INVALID_REPLICATION_FACTOR,
                    "replication factor must be at least 1, was " + replicationFactor);
        }
        int brokers = placement.brokerCount();
        if (replicationFactor > brokers) {
            return new Outcome(Errors.INVALID_REPLICATION_FACTOR, "replication factor " + replicationFactor
                    + " is larger than the number of available brokers (" + brokers + ")");
        }
        if (replicationFactor > 1) {
            return new Outcome(Errors.INVALID_REPLICATION_FACTOR, "replication factor " + replicationFactor
                    + " is not supported: mq does not replicate partitions (use 1 or -1)");
        }
        return validateConfigs(configs);
    }

    private static Outcome validateConfigs(Map<String, String> configs) {
        for (Map.Entry<String, String> entry : configs.entrySet()) {
            String problem = TopicConfig.validate(entry.getKey(), entry.getValue());
            if (problem != null) {
                return new Outcome(Errors.INVALID_CONFIG, problem);
            }
        }
        return null;
    }

    private <T> CompletableFuture<T> onControlThread(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, control);
    }

    /**
     * The result of a change.
     *
     * @param error   NONE on success
     * @param message why it failed, naming what was wrong
     */
    public record Outcome(Errors error, String message) {
        /** Success. */
        public static final Outcome OK = new Outcome(Errors.NONE, null);
    }
}

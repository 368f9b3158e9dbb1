package io.mq.broker;

import io.mq.broker.cluster.BrokerNode;
import io.mq.broker.cluster.ClusterController;
import io.mq.broker.cluster.ClusterView;
import io.mq.broker.cluster.SingleBrokerView;
import io.mq.broker.coordinator.DefaultCoordinatorScheduler;
import io.mq.broker.coordinator.GroupConfig;
import io.mq.broker.coordinator.GroupCoordinator;
import io.mq.broker.coordinator.OffsetStore;
import io.mq.broker.handler.BrokerHandlers;
import io.mq.broker.handler.HandlerRegistry;
import io.mq.broker.metadata.Topic;
import io.mq.broker.metadata.TopicManager;
import io.mq.broker.metadata.TopicRegistry;
import io.mq.broker.metadata.TopicRetention;
import io.mq.broker.network.BrokerServer;
import io.mq.broker.network.RequestStats;
import io.mq.broker.storage.CommitLogStore;
import io.mq.broker.storage.FlushMode;
import io.mq.broker.storage.PartitionId;
import io.mq.broker.storage.StorageOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node broker speaking the Kafka wire protocol, storing every partition in one segmented commit log.
 * Real Kafka clients (kafka-clients, spring-kafka, librdkafka) can produce to and consume from it.
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.builder().build().start()) {
 *     String bootstrap = broker.bootstrapServers();   // "127.0.0.1:<free port>"
 * }
 * }</pre>
 *
 * <p>Lifecycle: {@code CREATED → RUNNING → CLOSED}, or {@code START_FAILED} when {@link #start()} throws.
 * {@link #close()} flushes the log and writes a clean-shutdown marker, so the next start skips recovery.
 *
 * <p>Several brokers can form a test cluster in one JVM: see {@link EmbeddedCluster}.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    /** Lifecycle states. */
    public enum State { CREATED, RUNNING, START_FAILED, CLOSED }

    private final BrokerConfig config;
    private final ClusterController controller;
    private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
    private Path dataDir;
    private boolean temporaryDataDir;
    private CommitLogStore store;
    private TopicManager topics;
    private DefaultCoordinatorScheduler coordinatorThread;
    private BrokerServer server;
    private RequestStats requestStats;
    private InetSocketAddress address;
    private boolean attached;

    /**
     * @param config     the broker's settings
     * @param controller the test cluster's shared controller, {@code null} for a broker on its own
     */
    EmbeddedBroker(BrokerConfig config, ClusterController controller) {
        this.config = config;
        this.controller = controller;
    }

    /** A builder with every setting at its {@code BrokerConfig.DEFAULT_*} value. */
    public static Builder builder() {
        return new Builder();
    }

    /** Opens the storage (recovering it if the last shutdown was not clean) and returns once connections are accepted. */
    public EmbeddedBroker start() {
        if (!state.compareAndSet(State.CREATED, State.RUNNING)) {
            throw new IllegalStateException("broker cannot start from state " + state.get());
        }
        long started = System.nanoTime();
        FutureTask<BrokerServer> network = startNetwork();
        try {
            temporaryDataDir = config.dataDir() == null;
            dataDir = temporaryDataDir ? Files.createTempDirectory("mq-broker-") : config.dataDir();
            Files.createDirectories(dataDir);
            ClusterView cluster;
            if (controller == null) {
                TopicRegistry registry = TopicRegistry.load(dataDir);
                store = CommitLogStore.open(storageOptions(), new TopicRetention(config, registry));
                topics = new TopicManager(config, registry, store);
                cluster = new SingleBrokerView(config.brokerId(), this::bootstrapAddress);
            } else {
                store = CommitLogStore.open(storageOptions(), new TopicRetention(config, controller.registry()));
                controller.attach(config.brokerId(), store);
                attached = true;
                topics = controller.topics();
                cluster = controller.view(config.brokerId());
            }
            GroupCoordinator groups = startGroupCoordinator(cluster);
            HandlerRegistry handlers = BrokerHandlers.create(config, topics, store, groups, cluster);
            requestStats = new RequestStats(handlers.servedApis());
            server = awaitNetwork(network);
            address = server.address();
            server.serve(handlers, requestStats);
            if (controller != null) {
                controller.online(new BrokerNode(config.brokerId(), address.getHostString(), address.getPort()));
            }
            log.info("mq broker {} listening on {} (data {}, flush {}) in {} ms", config.brokerId(),
                    bootstrapServers(), dataDir, config.flushMode(), (System.nanoTime() - started) / 1_000_000);
            return this;
        } catch (IOException | RuntimeException | InterruptedException e) {
            state.set(State.START_FAILED);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (server == null) {
                server = awaitNetworkQuietly(network);
            }
            releaseResources();
            throw new IllegalStateException("mq broker failed to start on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates the server's event loops and binds its port, accepting paused, on a thread of their own: they need
     * nothing from storage, and their first run in a JVM (Netty's class loading and platform probing) takes about
     * as long as opening the storage, which the calling thread does meanwhile. A client connecting early waits in
     * the backlog until {@link BrokerServer#serve}. On failure the server is stopped by whoever awaits it.
     */
    private FutureTask<BrokerServer> startNetwork() {
        FutureTask<BrokerServer> network = new FutureTask<>(() -> {
            BrokerServer created = new BrokerServer(Math.max(1, Runtime.getRuntime().availableProcessors()),
                    config.maxFrameBytes(), config.connectionsMaxIdle());
            try {
                created.bind(config.host(), config.port());
            } catch (Exception | Error e) {
                created.close();
                throw e;
            }
            return created;
        });
        Thread starter = new Thread(network, "mq-broker-" + config.brokerId() + "-network-start");
        starter.setDaemon(true);
        starter.start();
        return network;
    }

    private static BrokerServer awaitNetwork(FutureTask<BrokerServer> network)
            throws IOException, InterruptedException {
        try {
            return network.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** After a failed start: waits for the event loops (so they can be stopped); {@code null} if they failed. */
    private static BrokerServer awaitNetworkQuietly(FutureTask<BrokerServer> network) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return network.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return null;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Creates {@code __consumer_offsets} if missing, replays it (the partitions in this broker's store) and starts the
     * coordinator thread, coordinating the groups of the offsets partitions this broker leads.
     */
    private GroupCoordinator startGroupCoordinator(ClusterView cluster) {
        Topic offsetsTopic = topics.ensureTopic(OffsetStore.TOPIC, config.offsetsTopicPartitions(),
                OffsetStore.TOPIC_CONFIGS);
        List<PartitionId> partitions = new ArrayList<>(offsetsTopic.partitions());
        for (int p = 0; p < offsetsTopic.partitions(); p++) {
            partitions.add(new PartitionId(offsetsTopic.id(), p));
        }
        coordinatorThread = new DefaultCoordinatorScheduler();
        OffsetStore offsets = OffsetStore.load(store, partitions, coordinatorThread::execute);
        return new GroupCoordinator(GroupConfig.from(config), offsets, coordinatorThread,
                p -> cluster.isLocalLeader(partitions.get(p)));
    }

    /** {@code host:port} for a client's {@code bootstrap.servers}. */
    public String bootstrapServers() {
        InetSocketAddress bound = bootstrapAddress();
        return bound.getHostString() + ":" + bound.getPort();
    }

    /** The bound port (useful when configured with port 0). */
    public int port() {
        return bootstrapAddress().getPort();
    }

    /** The directory holding the commit log and metadata. */
    public Path dataDir() {
        requireRunning();
        return dataDir;
    }

    /** The settings this broker was built with. */
    public BrokerConfig config() {
        return config;
    }

    /** The current lifecycle state. */
    public State state() {
        return state.get();
    }

    /** Storage statistics (for meters and health). */
    public io.mq.broker.storage.StorageStats storageStats() {
        requireRunning();
        return store.stats();
    }

    /** Live counts and handling times of the requests answered, per served api (for meters). */
    public RequestStats requestStats() {
        requireRunning();
        return requestStats;
    }

    /** Stops accepting connections, flushes and closes the log with a clean-shutdown marker. Idempotent. */
    @Override
    public void close() {
        if (state.getAndUpdate(s -> s == State.RUNNING ? State.CLOSED : s) != State.RUNNING) {
            return;
        }
        releaseResources();
        log.info("mq broker {} stopped", config.brokerId());
    }

    private void releaseResources() {
        if (attached) {
            controller.detach(config.brokerId());
        }
        if (server != null) {
            server.close();
        }
        if (coordinatorThread != null) {
            coordinatorThread.close();
        }
        if (topics != null && controller == null) {
            topics.close();
        }
        if (store != null) {
            store.close();
        }
        if (temporaryDataDir && dataDir != null) {
            deleteRecursively(dataDir);
        }
    }

    private InetSocketAddress bootstrapAddress() {
        requireRunning();
        return address;
    }

    private void requireRunning() {
        if (state.get() != State.RUNNING || address == null) {
            throw new IllegalStateException("broker is " + state.get());
        }
    }

    private StorageOptions storageOptions() {
        return new StorageOptions(dataDir, config.segmentBytes(), config.flushMode(), config.flushInterval(),
                config.flushDirtyBytes(), config.retentionCheckInterval());
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete temporary data dir " + dir, e);
        }
    }

    /** Builds an {@link EmbeddedBroker}; see {@link BrokerConfig} for what each setting means and its default. */
    public static final class Builder {
        private String host = BrokerConfig.DEFAULT_HOST;
        private int port = BrokerConfig.DEFAULT_PORT;
        private Path dataDir;
        private int brokerId = BrokerConfig.DEFAULT_BROKER_ID;
        private String clusterId = BrokerConfig.DEFAULT_CLUSTER_ID;
        private long segmentBytes = BrokerConfig.DEFAULT_SEGMENT_BYTES;
        private FlushMode flushMode = BrokerConfig.DEFAULT_FLUSH_MODE;
        private Duration flushInterval = BrokerConfig.DEFAULT_FLUSH_INTERVAL;
        private long flushDirtyBytes = BrokerConfig.DEFAULT_FLUSH_DIRTY_BYTES;
        private Duration retention = BrokerConfig.DEFAULT_RETENTION;
        private long retentionBytes = BrokerConfig.DEFAULT_RETENTION_BYTES;
        private Duration retentionCheckInterval = BrokerConfig.DEFAULT_RETENTION_CHECK_INTERVAL;
        private int defaultPartitions = BrokerConfig.DEFAULT_PARTITIONS;
        private boolean autoCreateTopics = BrokerConfig.DEFAULT_AUTO_CREATE_TOPICS;
        private int maxMessageBytes = BrokerConfig.DEFAULT_MAX_MESSAGE_BYTES;
        private int maxFrameBytes = BrokerConfig.DEFAULT_MAX_FRAME_BYTES;
        private Duration connectionsMaxIdle = BrokerConfig.DEFAULT_CONNECTIONS_MAX_IDLE;
        private Duration groupInitialRebalanceDelay = BrokerConfig.DEFAULT_GROUP_INITIAL_REBALANCE_DELAY;
        private Duration groupMinSessionTimeout = BrokerConfig.DEFAULT_GROUP_MIN_SESSION_TIMEOUT;
        private Duration groupMaxSessionTimeout = BrokerConfig.DEFAULT_GROUP_MAX_SESSION_TIMEOUT;
        private Duration offsetsRetention = BrokerConfig.DEFAULT_OFFSETS_RETENTION;
        private Duration offsetsRetentionCheckInterval = BrokerConfig.DEFAULT_OFFSETS_RETENTION_CHECK_INTERVAL;
        private int offsetsTopicPartitions = BrokerConfig.DEFAULT_OFFSETS_TOPIC_PARTITIONS;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Where to keep data; unset means a temp dir deleted on close. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder brokerId(int brokerId) {
            this.brokerId = brokerId;
            return this;
        }

        public Builder clusterId(String clusterId) {
            this.clusterId = clusterId;
            return this;
        }

        /** Commit-log segment size in bytes. */
        public Builder segmentBytes(long segmentBytes) {
            this.segmentBytes = segmentBytes;
            return this;
        }

        public Builder flushMode(FlushMode flushMode) {
            this.flushMode = flushMode;
            return this;
        }

        public Builder flushInterval(Duration flushInterval) {
            this.flushInterval = flushInterval;
            return this;
        }

        public Builder flushDirtyBytes(long flushDirtyBytes) {
            this.flushDirtyBytes = flushDirtyBytes;
            return this;
        }

        /** Default topic retention time; {@code null} keeps data forever. */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /** Default retention size per partition; -1 is unlimited. */
        public Builder retentionBytes(long retentionBytes) {
            this.retentionBytes = retentionBytes;
            return this;
        }

        public Builder retentionCheckInterval(Duration retentionCheckInterval) {
            this.retentionCheckInterval = retentionCheckInterval;
            return this;
        }

        public Builder defaultPartitions(int defaultPartitions) {
            this.defaultPartitions = defaultPartitions;
            return this;
        }

        public Builder autoCreateTopics(boolean autoCreateTopics) {
            this.autoCreateTopics = autoCreateTopics;
            return this;
        }

        public Builder maxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        public Builder maxFrameBytes(int maxFrameBytes) {
            this.maxFrameBytes = maxFrameBytes;
            return this;
        }

        public Builder connectionsMaxIdle(Duration connectionsMaxIdle) {
            this.connectionsMaxIdle = connectionsMaxIdle;
            return this;
        }

        /** How long the first rebalance of an empty group waits for more members; 0 completes it at once. */
        public Builder groupInitialRebalanceDelay(Duration groupInitialRebalanceDelay) {
            this.groupInitialRebalanceDelay = groupInitialRebalanceDelay;
            return this;
        }

        /** Smallest session timeout a group member may ask for. */
        public Builder groupMinSessionTimeout(Duration groupMinSessionTimeout) {
            this.groupMinSessionTimeout = groupMinSessionTimeout;
            return this;
        }

        /** Largest session timeout a group member may ask for. */
        public Builder groupMaxSessionTimeout(Duration groupMaxSessionTimeout) {
            this.groupMaxSessionTimeout = groupMaxSessionTimeout;
            return this;
        }

        /** How long the committed offsets of an empty group are kept. */
        public Builder offsetsRetention(Duration offsetsRetention) {
            this.offsetsRetention = offsetsRetention;
            return this;
        }

        /** How often expired offsets are looked for. */
        public Builder offsetsRetentionCheckInterval(Duration offsetsRetentionCheckInterval) {
            this.offsetsRetentionCheckInterval = offsetsRetentionCheckInterval;
            return this;
        }

        /** Partition count of {@code __consumer_offsets} when this broker creates it. */
        public Builder offsetsTopicPartitions(int offsetsTopicPartitions) {
            this.offsetsTopicPartitions = offsetsTopicPartitions;
            return this;
        }

        /** Validates the settings and creates a broker in state {@code CREATED}. */
        public EmbeddedBroker build() {
            return new EmbeddedBroker(config(), null);
        }

        /** Validates the settings. */
        BrokerConfig config() {
            return new BrokerConfig(host, port, dataDir, brokerId, clusterId, segmentBytes, flushMode,
                    flushInterval, flushDirtyBytes, retention, retentionBytes, retentionCheckInterval, defaultPartitions,
                    autoCreateTopics, maxMessageBytes, maxFrameBytes, connectionsMaxIdle, groupInitialRebalanceDelay,
                    groupMinSessionTimeout, groupMaxSessionTimeout, offsetsRetention, offsetsRetentionCheckInterval,
                    offsetsTopicPartitions);
        }
    }
}

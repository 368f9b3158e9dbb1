package io.mq.broker;

import io.mq.broker.cluster.ClusterController;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A test cluster: N {@link EmbeddedBroker}s in one JVM, each with its own port and data directory, sharing one
 * in-process metadata controller ({@link ClusterController}). Partition leaders are spread over the brokers, each
 * group's coordinator is the leader of its {@code __consumer_offsets} partition (group id hash), and Metadata lists
 * every running broker, so clients route requests as they do against a real Kafka cluster.
 *
 * <pre>{@code
 * try (EmbeddedCluster cluster = EmbeddedCluster.builder().brokers(3).build().start()) {
 *     String bootstrap = cluster.bootstrapServers();      // "127.0.0.1:p0,127.0.0.1:p1,127.0.0.1:p2"
 *     cluster.moveLeadership("orders", 0, 2);              // clients see NOT_LEADER_OR_FOLLOWER, then follow
 *     cluster.restartBroker(1);                            // clients see disconnects, then reconnect
 * }
 * }</pre>
 *
 * <p><b>A fixture for client behaviour, not high availability:</b> data is not replicated. Each partition has one
 * copy, in its leader's commit log; while that broker is stopped the partition has no leader (Metadata answers
 * LEADER_NOT_AVAILABLE, clients wait and retry) and its groups have no coordinator. {@link #moveLeadership} copies
 * the partition's batches to the new leader (offsets and idempotent-producer state included) before switching, so
 * nothing acknowledged is lost. {@code __consumer_offsets} partitions never move.
 *
 * <p>Files: {@code <dataDir>/metadata} (topics and partition leaders) and {@code <dataDir>/broker-<id>} (each
 * broker's commit log). Broker ids are 0..N-1.
 */
public final class EmbeddedCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

    /** Brokers of a cluster built without {@link Builder#brokers}. */
    public static final int DEFAULT_BROKERS = 3;
    /** How long a restarting broker keeps trying to bind its previous port (it may linger briefly). */
    private static final int BIND_ATTEMPTS = 50;
    private static final long BIND_RETRY_MILLIS = 100;

    /** Lifecycle states. */
    public enum State { CREATED, RUNNING, START_FAILED, CLOSED }

    private final int size;
    private final Path configuredDir;
    private final Consumer<EmbeddedBroker.Builder> brokerSettings;
    private final EmbeddedBroker[] brokers;
    private final int[] ports;
    private State state = State.CREATED;
    private Path dataDir;
    private boolean temporaryDataDir;
    private ClusterController controller;

    private EmbeddedCluster(Builder builder) {
        this.size = builder.brokers;
        this.configuredDir = builder.dataDir;
        this.brokerSettings = builder.brokerSettings;
        this.brokers = new EmbeddedBroker[size];
        this.ports = new int[size];
    }

    /** A builder for a {@value #DEFAULT_BROKERS}-broker cluster with default broker settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Creates the metadata controller and starts every broker; returns once all accept connections. */
    public synchronized EmbeddedCluster start() {
        if (state != State.CREATED) {
            throw new IllegalStateException("cluster cannot start from state " + state);
        }
        state = State.RUNNING;
        try {
            temporaryDataDir = configuredDir == null;
            dataDir = temporaryDataDir ? Files.createTempDirectory("mq-cluster-") : configuredDir;
            List<Integer> ids = new ArrayList<>(size);
            for (int id = 0; id < size; id++) {
                ids.add(id);
            }
            controller = new ClusterController(dataDir.resolve("metadata"), brokerBuilder(0).config(), ids);
            for (int id = 0; id < size; id++) {
                startBroker(id);
            }
            log.info("mq test cluster of {} brokers running at {} (data {})", size, bootstrapServers(), dataDir);
            return this;
        } catch (IOException | RuntimeException e) {
            state = State.START_FAILED;
            releaseResources();
            throw new IllegalStateException("mq test cluster failed to start: " + e.getMessage(), e);
        }
    }

    /** {@code host:port} of every running broker, comma-separated, for a client's {@code bootstrap.servers}. */
    public synchronized String bootstrapServers() {
        requireRunning();
        StringJoiner servers = new StringJoiner(",");
        for (EmbeddedBroker broker : brokers) {
            if (broker != null && broker.state() == EmbeddedBroker.State.RUNNING) {
                servers.add(broker.bootstrapServers());
            }
        }
        return servers.toString();
    }

    /** Number of brokers (running or stopped). */
    public int size() {
        return size;
    }

    /** The current instance of broker {@code id} (after {@link #stopBroker} a closed one; a restart makes a new one). */
    public synchronized EmbeddedBroker broker(int id) {
        requireRunning();
        return brokers[checkId(id)];
    }

    /** Whether broker {@code id} is running. */
    public synchronized boolean isRunning(int id) {
        EmbeddedBroker broker = brokers[checkId(id)];
        return broker != null && broker.state() == EmbeddedBroker.State.RUNNING;
    }

    /**
     * Stops broker {@code id} cleanly (flush, checkpoint, close connections). Until it starts again its partitions
     * have no leader and its groups no coordinator; nothing moves to other brokers. Does nothing if it is stopped.
     */
    public synchronized void stopBroker(int id) {
        requireRunning();
        EmbeddedBroker broker = brokers[checkId(id)];
        if (broker != null) {
            broker.close();
        }
    }

    /**
     * Starts broker {@code id} again, on the port it had and over its data directory (its log is recovered if needed).
     * Does nothing if it is running.
     */
    public synchronized void startBroker(int id) {
        requireRunning();
        if (isRunning(id)) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            EmbeddedBroker broker = new EmbeddedBroker(brokerBuilder(id).config(), controller);
            try {
                brokers[id] = broker.start();
                ports[id] = broker.port();
                return;
            } catch (IllegalStateException e) {
                if (!causedByBind(e) || ports[id] == 0 || attempt == BIND_ATTEMPTS) {
                    throw e;
                }
                log.debug("Port {} of broker {} is not free yet; retrying", ports[id], id);
                sleep(BIND_RETRY_MILLIS);
            }
        }
    }

    /** {@link #stopBroker} then {@link #startBroker}. */
    public synchronized void restartBroker(int id) {
        stopBroker(id);
        startBroker(id);
    }

    /**
     * Moves the leadership of {@code topic}-{@code partition} to broker {@code toBrokerId}: the old leader stops
     * accepting appends (NOT_LEADER_OR_FOLLOWER), the data is copied to the new leader with the same offsets and
     * idempotent-producer state, then Metadata names the new leader. Both brokers must be running; partitions of
     * {@code __consumer_offsets} do not move. Blocking, proportional to the partition's size.
     */
    public synchronized void moveLeadership(String topic, int partition, int toBrokerId) {
        requireRunning();
        controller.moveLeadership(topic, partition, checkId(toBrokerId));
    }

    /** The broker {@code topic}-{@code partition} is placed on (running or not), -1 if there is no such partition. */
    public synchronized int leader(String topic, int partition) {
        requireRunning();
        return controller.leader(topic, partition);
    }

    /** The cluster's directory: {@code metadata/} and one {@code broker-<id>/} per broker. */
    public synchronized Path dataDir() {
        requireRunning();
        return dataDir;
    }

    /** The current lifecycle state. */
    public synchronized State state() {
        return state;
    }

    /** Stops every broker and the controller; deletes a temporary data directory. Idempotent. */
    @Override
    public synchronized void close() {
        if (state != State.RUNNING) {
            return;
        }
        state = State.CLOSED;
        releaseResources();
        log.info("mq test cluster stopped");
    }

    private void releaseResources() {
        for (EmbeddedBroker broker : brokers) {
            if (broker != null) {
                broker.close();
            }
        }
        if (controller != null) {
            controller.close();
        }
        if (temporaryDataDir && dataDir != null) {
            deleteRecursively(dataDir);
        }
    }

    /** The settings of broker {@code id}: the user's, then the cluster's id, port and data directory. */
    private EmbeddedBroker.Builder brokerBuilder(int id) {
        EmbeddedBroker.Builder builder = EmbeddedBroker.builder();
        brokerSettings.accept(builder);
        int basePort = builder.config().port();
        int port = ports[id] != 0 ? ports[id] : basePort == 0 ? 0 : basePort + id;
        return builder.brokerId(id).port(port).dataDir(dataDir.resolve("broker-" + id));
    }

    private int checkId(int id) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("broker id must be 0.." + (size - 1) + ", was " + id);
        }
        return id;
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("cluster is " + state);
        }
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a port", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete temporary data dir " + dir, e);
        }
    }

    /** Builds an {@link EmbeddedCluster}. */
    public static final class Builder {
        private int brokers = DEFAULT_BROKERS;
        private Path dataDir;
        private Consumer<EmbeddedBroker.Builder> brokerSettings = b -> { };

        private Builder() {
        }

        /** Number of brokers, ids 0..n-1 (default {@value EmbeddedCluster#DEFAULT_BROKERS}). */
        public Builder brokers(int brokers) {
            if (brokers < 1) {
                throw new IllegalArgumentException("a cluster needs at least one broker, was " + brokers);
            }
            this.brokers = brokers;
            return this;
        }

        /** Where to keep the cluster's data; unset means a temp dir deleted on close. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /**
         * Settings applied to every broker's builder. The cluster then sets each broker's id, data directory and
         * port: a free one, or {@code port + id} when a port is set here.
         */
        public Builder brokerSettings(Consumer<EmbeddedBroker.Builder> brokerSettings) {
            this.brokerSettings = brokerSettings;
            return this;
        }

        /** Creates a cluster in state {@code CREATED}; the broker settings are validated now. */
        public EmbeddedCluster build() {
            EmbeddedBroker.Builder check = EmbeddedBroker.builder();
            brokerSettings.accept(check);
            check.config();
            return new EmbeddedCluster(this);
        }
    }
}

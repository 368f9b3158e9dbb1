package io.mq.client.internal;

import io.mq.client.ClientResources;
import io.mq.client.ConnectionOptions;
import io.mq.client.FatalMqException;
import io.mq.client.MqException;
import io.mq.client.MqExceptions;
import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.types.WireReader;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one client (a producer or an admin client): up to {@code connectionsPerBroker} per broker,
 * requests spread round-robin over the ready ones. All pools of a process may share one {@link ClientResources}.
 *
 * <p>Connecting: lazily on first use by default; in eager mode ({@code lazyConnect=false}) as soon as a broker is
 * announced through {@link #updateNodes(Collection)}, and again after a failure. With several connections per broker
 * the first request opens one and the others open once it is ready. A connection unused for the idle timeout closes
 * itself and is reopened on the next use. After a failure the next connection to that broker waits an exponential
 * backoff with jitter (reset by the next successful connection), so an unreachable broker never causes a reconnect
 * loop; requests wait for it within their timeout.
 *
 * <p>Every connection sends this pool's client id (generated and unique in the process unless configured), sets
 * {@code TCP_NODELAY} and negotiates versions, failing if an api in {@code requiredApis} has no common version.
 */
public final class ConnectionPool implements AutoCloseable {

    /** Apis every connection must support unless the owner asks for others. */
    public static final Set<ApiKey> DEFAULT_REQUIRED_APIS = Set.of(ApiKey.METADATA);

    private static final Logger log = LoggerFactory.getLogger(ConnectionPool.class);
    private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

    private final ClientResources resources;
    private final ConnectionOptions options;
    private final ConnectionSetup setup;
    private final Set<ApiKey> requiredApis;
    private final String clientId;
    private final Backoff backoff;
    private final ConcurrentHashMap<Node, NodeConnections> nodes = new ConcurrentHashMap<>();
    private final Set<Node> eagerNodes = ConcurrentHashMap.newKeySet();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong connectionsCreated = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final AtomicLong connectionsLost = new AtomicLong();
    private final EventLoop loop;
    private volatile boolean closed;

    /** A plain-TCP pool requiring only Metadata. */
    public ConnectionPool(ClientResources resources, ConnectionOptions options) {
        this(resources, options, DEFAULT_REQUIRED_APIS, ConnectionSetup.NONE);
    }

    /**
     * @param resources    the shared event loops
     * @param options      connection settings
     * @param requiredApis apis a broker must support for a connection to it to be usable
     * @param setup        pipeline hook and establishment stages (TLS, SASL)
     */
    public ConnectionPool(ClientResources resources, ConnectionOptions options, Set<ApiKey> requiredApis,
            ConnectionSetup setup) {
        this(resources, options, requiredApis, setup, null);
    }

    /**
     * A pool whose connections all run on {@code loop} (one of the resources' loops), so that a client working on
     * that loop too gets its answers without a thread hand-off.
     *
     * @param loop the event loop of every connection, or null to spread connections over the resources' loops
     */
    public ConnectionPool(ClientResources resources, ConnectionOptions options, Set<ApiKey> requiredApis,
            ConnectionSetup setup, EventLoop loop) {
        this.resources = resources;
        this.loop = loop;
        this.options = options;
        this.setup = setup;
        this.requiredApis = Set.copyOf(requiredApis);
        this.clientId = options.clientId() != null ? options.clientId()
                : "mq-" + ProcessHandle.current().pid() + "-" + CLIENT_IDS.incrementAndGet();
        this.backoff = new Backoff(options.reconnectBackoff(), options.reconnectBackoffMax(), options.reconnectJitter());
    }

    /** The loop of every connection if the pool was given one, else the next of the resources' loops in turn. */
    public EventLoop nextLoop() {
        return loop != null ? loop : resources.eventLoopGroup().next();
    }

    /** The client id sent in every request header. */
    public String clientId() {
        return clientId;
    }

    /** The connection settings. */
    public ConnectionOptions options() {
        return options;
    }

    /** The event loops this pool runs on. */
    public ClientResources resources() {
        return resources;
    }

    /**
     * Sends {@code request} to {@code broker} (connecting if needed) and decodes the response with
     * {@code responseReader}; see {@link BrokerConnection#send(ApiKey, ApiMessage, BiFunction)}.
     */
    public <T> CompletableFuture<T> send(Node broker, ApiKey api, ApiMessage request,
            BiFunction<WireReader, Short, T> responseReader) {
        return send(broker, api, request, responseReader, options.requestTimeout());
    }

    /** {@link #send(Node, ApiKey, ApiMessage, BiFunction)} with its own timeout instead of the request timeout. */
    public <T> CompletableFuture<T> send(Node broker, ApiKey api, ApiMessage request,
            BiFunction<WireReader, Short, T> responseReader, Duration timeout) {
        if (closed) {
            return CompletableFuture.failedFuture(poolClosed());
        }
        return connections(broker).select().send(api, request, responseReader, timeout);
    }

    /** Sends a request the broker does not answer (Produce with acks=0); completes once written. */
    public CompletableFuture<Void> sendNoResponse(Node broker, ApiKey api, ApiMessage request) {
        if (closed) {
            return CompletableFuture.failedFuture(poolClosed());
        }
        return connections(broker).select().sendNoResponse(api, request);
    }

    /** The next connection to {@code broker} in round-robin order, once it is ready (e.g. to read its versions). */
    public CompletableFuture<BrokerConnection> connection(Node broker) {
        if (closed) {
            return CompletableFuture.failedFuture(poolClosed());
        }
        return connections(broker).select().ready();
    }

    /**
     * The brokers the client currently knows. In eager mode the pool opens {@code connectionsPerBroker} connections
     * to each of them now and reopens them after failures; brokers no longer listed are not reopened. Lazy pools
     * ignore this.
     */
    public void updateNodes(Collection<Node> known) {
        if (options.lazyConnect() || closed) {
            return;
        }
        eagerNodes.retainAll(new HashSet<>(known));
        for (Node node : known) {
            eagerNodes.add(node);
            connections(node).openAll();
        }
    }

    /** Whether a connection to {@code broker} is ready now. */
    public boolean hasReadyConnection(Node broker) {
        NodeConnections connections = nodes.get(broker);
        return connections != null && connections.snapshot().stream().anyMatch(BrokerConnection::isReady);
    }

    /** The open connections to {@code broker}. */
    public List<BrokerConnection> connectionsTo(Node broker) {
        NodeConnections connections = nodes.get(broker);
        return connections == null ? List.of() : connections.snapshot();
    }

    /** Current counts for metrics. */
    public ConnectionPoolStats stats() {
        int open = 0;
        int ready = 0;
        int inFlight = 0;
        int queued = 0;
        for (NodeConnections connections : nodes.values()) {
            for (BrokerConnection c : connections.snapshot()) {
                open++;
                ready += c.isReady() ? 1 : 0;
                inFlight += c.inFlightCount();
                queued += c.queuedCount();
            }
        }
        return new ConnectionPoolStats(open, ready, inFlight, queued, connectionsCreated.get(), connectFailures.get(),
                connectionsLost.get());
    }

    /** Registers a listener for connection events. */
    public void addListener(ConnectionListener listener) {
        listeners.add(listener);
    }

    /** Removes a listener. */
    public void removeListener(ConnectionListener listener) {
        listeners.remove(listener);
    }

    /**
     * Closes every connection, failing pending requests with a {@link FatalMqException}; later sends fail the same
     * way. Completes when the channels are closed. Does not shut down the {@link ClientResources}.
     */
    public CompletableFuture<Void> closeAsync() {
        closed = true;
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (NodeConnections connections : nodes.values()) {
            for (BrokerConnection c : connections.snapshot()) {
                c.close(poolClosed());
                closing.add(c.closeFuture());
            }
        }
        return CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new));
    }

    /** {@link #closeAsync()}, waiting up to the connect timeout for it unless called on an event loop. */
    @Override
    public void close() {
        CompletableFuture<Void> done = closeAsync();
        for (EventExecutor loop : resources.eventLoopGroup()) {
            if (loop.inEventLoop()) {
                return;
            }
        }
        done.completeOnTimeout(null, options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS).join();
    }

    private NodeConnections connections(Node broker) {
        return nodes.computeIfAbsent(broker, NodeConnections::new);
    }

    private FatalMqException poolClosed() {
        return new FatalMqException("the connection pool of client " + clientId + " is closed");
    }

    /** The connection slots of one broker, with its reconnect backoff. */
    private final class NodeConnections implements BrokerConnection.Listener {

        private final Node node;
        private final BrokerConnection[] slots;
        private int next;
        private int failures;
        private int failedConnectsInARow;
        private long retryAtNanos;

        NodeConnections(Node node) {
            this.node = node;
            this.slots = new BrokerConnection[options.connectionsPerBroker()];
        }

        /** A ready connection in round-robin order, else one being established, else a new one. */
        synchronized BrokerConnection select() {
            for (int k = 0; k < slots.length; k++) {
                int i = (next + k) % slots.length;
                BrokerConnection c = slots[i];
                if (c != null && c.isReady()) {
                    next = i + 1;
                    openAll();
                    return c;
                }
            }
            for (BrokerConnection c : slots) {
                if (c != null && !c.isClosed()) {
                    return c;
                }
            }
            return open(0);
        }

        /** Opens every empty slot. */
        synchronized void openAll() {
            for (int i = 0; i < slots.length && !closed; i++) {
                if (slots[i] == null || slots[i].isClosed()) {
                    open(i);
                }
            }
        }

        synchronized List<BrokerConnection> snapshot() {
            List<BrokerConnection> open = new ArrayList<>(slots.length);
            for (BrokerConnection c : slots) {
                if (c != null && !c.isClosed()) {
                    open.add(c);
                }
            }
            return open;
        }

        private BrokerConnection open(int slot) {
            BrokerConnection c = new BrokerConnection(node, options, setup, requiredApis, clientId,
                    nextLoop(), resources.addressResolver(), this);
            slots[slot] = c;
            connectionsCreated.incrementAndGet();
            c.connect(failures == 0 ? 0 : Math.max(0, retryAtNanos - System.nanoTime()));
            return c;
        }

        @Override
        public void connectionReady(BrokerConnection connection) {
            synchronized (this) {
                failures = 0;
                failedConnectsInARow = 0;
            }
            listeners.forEach(l -> l.connectionReady(node));
        }

        @Override
        public void connectionClosed(BrokerConnection connection, MqException cause) {
            boolean established = connection.wasReady();
            int connectFailuresInARow = 0;
            long retryInNanos = 0;
            synchronized (this) {
                for (int i = 0; i < slots.length; i++) {
                    if (slots[i] == connection) {
                        slots[i] = null;
                    }
                }
                if (cause != null && !closed) {
                    (established ? connectionsLost : connectFailures).incrementAndGet();
                    failures++;
                    retryInNanos = backoff.delayNanos(failures);
                    retryAtNanos = System.nanoTime() + retryInNanos;
                    connectFailuresInARow = established ? 0 : ++failedConnectsInARow;
                    if (eagerNodes.contains(node)) {
                        openAll();
                    }
                }
            }
            if (connectFailuresInARow > 0) {
                logConnectFailure(cause, connectFailuresInARow, retryInNanos);
            }
            listeners.forEach(l -> l.connectionClosed(node, closed ? null : cause, established));
        }

        /** The first failed attempt in a row is a warning; the retries that follow are logged at debug. */
        private void logConnectFailure(MqException cause, int inARow, long retryInNanos) {
            String format = "[{}] Could not connect to {} ({} failed attempt(s) in a row) [{}]; next attempt in {} ms: "
                    + "{}";
            Object[] args = {clientId, node, inARow, MqExceptions.errorCode(cause),
                    TimeUnit.NANOSECONDS.toMillis(retryInNanos), cause.getMessage()};
            if (inARow == 1) {
                log.warn(format, args);
            } else {
                log.debug(format, args);
            }
        }
    }
}

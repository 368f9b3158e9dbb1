package io.mq.client.internal;

import io.netty.resolver.AddressResolverGroup;
import java.net.InetSocketAddress;
import io.mq.client.ConnectionLostException;
import io.mq.client.ConnectionOptions;
import io.mq.client.FatalMqException;
import io.mq.client.MqException;
import io.mq.client.MqExceptions;
import io.mq.client.MqTimeoutException;
import io.mq.client.UnsupportedVersionException;
import io.mq.metadata.Node;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.ProtocolException;
import io.mq.protocol.RequestHeader;
import io.mq.protocol.ResponseHeader;
import io.mq.protocol.codec.Frames;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.message.ApiVersionsResponse;
import io.mq.protocol.message.ProduceRequest;
import io.mq.protocol.types.WireReader;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Netty channel to one broker.
 *
 * <p>Lifecycle: {@code NEW → CONNECTING → ESTABLISHING → READY → CLOSED}. Establishing is the
 * {@link ConnectionHandshake}: ApiVersions negotiation, then the {@link ConnectionSetup} stages, all within the
 * connect timeout. Requests submitted before the connection is ready wait in a queue; a connection that
 * fails or closes fails every waiting request, with {@link ConnectionLostException} (retriable) unless the cause was
 * fatal, e.g. {@link UnsupportedVersionException} when an api in {@code requiredApis} has no common version.
 *
 * <p>Requests are pipelined: at most {@code maxInFlightRequests} await responses, the rest are queued. Kafka brokers
 * answer in request order, so responses are matched to the head of the in-flight table and the correlation id is
 * verified. A request without a response within its timeout fails with {@link MqTimeoutException} and the connection
 * is closed, as its state is unknown. An idle connection sends an ApiVersions request as a ping after the heartbeat
 * interval; when nothing is read for the heartbeat timeout while the ping is outstanding, the connection is closed.
 * A connection unused for the idle timeout closes itself. When it closes, the owner is told before the waiting
 * requests fail, so a caller retrying from a failure callback gets a fresh connection.
 *
 * <p>Threading: all state is confined to the connection's event loop; the public methods may be called from any
 * thread and only submit tasks. Futures complete on the event loop, so their callbacks must not block.
 */
public final class BrokerConnection {

    private static final Logger log = LoggerFactory.getLogger(BrokerConnection.class);

    /** Lifecycle states. */
    public enum State { NEW, CONNECTING, ESTABLISHING, READY, CLOSED }

    /** Callbacks to the connection's owner, on the connection's event loop. */
    interface Listener {
        void connectionReady(BrokerConnection connection);

        /** {@code cause} is null when the connection was closed because it was idle. */
        void connectionClosed(BrokerConnection connection, MqException cause);
    }

    private final Node broker;
    private final ConnectionOptions options;
    private final ConnectionSetup setup;
    private final Set<ApiKey> requiredApis;
    private final String clientId;
    private final EventLoop loop;
    private final Listener listener;
    private final ArrayDeque<PendingRequest<?>> queued = new ArrayDeque<>();
    private final ArrayDeque<PendingRequest<?>> inFlight = new ArrayDeque<>();
    private final CompletableFuture<BrokerConnection> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> closeFuture = new CompletableFuture<>();

    private volatile State state = State.NEW;
    private volatile boolean wasReady;
    private volatile NegotiatedVersions versions;
    private volatile int inFlightGauge;
    private volatile int queuedGauge;
    private volatile int peakInFlight;
    private volatile long requestsSent;
    private volatile long pingsSent;

    private Channel channel;
    private MqException closeCause;
    private boolean closedByOwner;
    private int nextCorrelationId;
    private long lastUsedNanos;
    private PendingRequest<?> outstandingPing;
    private ScheduledFuture<?> establishTimer;
    private ScheduledFuture<?> idleTimer;
    private final AddressResolverGroup<InetSocketAddress> resolver;

    BrokerConnection(Node broker, ConnectionOptions options, ConnectionSetup setup, Set<ApiKey> requiredApis,
            String clientId, EventLoop loop, AddressResolverGroup<InetSocketAddress> resolver, Listener listener) {
        this.broker = broker;
        this.resolver = resolver;
        this.options = options;
        this.setup = setup;
        this.requiredApis = Set.copyOf(requiredApis);
        this.clientId = clientId;
        this.loop = loop;
        this.listener = listener;
    }

    /** The broker this connection leads to. */
    public Node broker() {
        return broker;
    }

    /** The current lifecycle state. */
    public State state() {
        return state;
    }

    /** Whether requests are being sent. */
    public boolean isReady() {
        return state == State.READY;
    }

    /** Whether the connection has closed (it never reopens; the pool creates a new one). */
    public boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Whether the connection was ever ready (so a close means a lost connection, not a failed connect). */
    public boolean wasReady() {
        return wasReady;
    }

    /** Completes when the connection is closed and its channel released. */
    public CompletableFuture<Void> closeFuture() {
        return closeFuture;
    }

    /** Completes when the connection is ready, or fails with the reason it could not be established. */
    public CompletableFuture<BrokerConnection> ready() {
        return ready;
    }

    /**
     * The negotiated api versions.
     *
     * @throws IllegalStateException before the connection is ready
     */
    public NegotiatedVersions versions() {
        NegotiatedVersions v = versions;
        if (v == null) {
            throw new IllegalStateException("connection to " + broker + " has not negotiated versions (" + state + ")");
        }
        return v;
    }

    /** Requests awaiting their responses. */
    public int inFlightCount() {
        return inFlightGauge;
    }

    /** Requests waiting to be sent. */
    public int queuedCount() {
        return queuedGauge;
    }

    /** The most requests that were ever in flight at once. */
    public int peakInFlight() {
        return peakInFlight;
    }

    /** Requests written for callers (not pings or establishment requests). */
    public long requestsSent() {
        return requestsSent;
    }

    /** Heartbeat pings written. */
    public long pingsSent() {
        return pingsSent;
    }

    /**
     * Sends {@code request} with the negotiated version of {@code api} and decodes the response with
     * {@code responseReader} on the event loop. The request must stay valid (its buffers unreleased) until the
     * future completes. The reader must not keep references into the buffer it reads.
     *
     * @throws IllegalArgumentException for a Produce request with acks=0 (use {@link #sendNoResponse})
     */
    public <T> CompletableFuture<T> send(ApiKey api, ApiMessage request,
            BiFunction<WireReader, Short, T> responseReader) {
        return send(api, request, responseReader, options.requestTimeout());
    }

    /** {@link #send(ApiKey, ApiMessage, BiFunction)} with its own timeout instead of the request timeout. */
    public <T> CompletableFuture<T> send(ApiKey api, ApiMessage request, BiFunction<WireReader, Short, T> responseReader,
            Duration timeout) {
        Objects.requireNonNull(responseReader, "responseReader");
        return submit(new PendingRequest<>(api, request, responseReader, timeout.toNanos(), PendingRequest.Kind.USER,
                (short) -1));
    }

    /**
     * Sends a request the broker does not answer (Produce with acks=0); completes once it is written.
     *
     * @throws IllegalArgumentException for a Produce request whose acks is not 0
     */
    public CompletableFuture<Void> sendNoResponse(ApiKey api, ApiMessage request) {
        return submit(new PendingRequest<Void>(api, request, null, options.requestTimeout().toNanos(),
                PendingRequest.Kind.USER, (short) -1));
    }

    /** Starts connecting after {@code delayNanos} (the reconnect backoff); does nothing unless the state is NEW. */
    void connect(long delayNanos) {
        try {
            if (delayNanos > 0) {
                loop.schedule(this::doConnect, delayNanos, TimeUnit.NANOSECONDS);
            } else {
                loop.execute(this::doConnect);
            }
        } catch (RejectedExecutionException e) {
            state = State.CLOSED;
            MqException cause = resourcesShutDown();
            ready.completeExceptionally(cause);
            closeFuture.complete(null);
            listener.connectionClosed(this, cause);
        }
    }

    /** Closes the connection on behalf of its owner, failing its requests with {@code cause}. */
    void close(MqException cause) {
        onLoop(() -> {
            if (state != State.CLOSED) {
                log.debug("[{}] Closing connection to {} [{}]: {}", clientId, broker, MqExceptions.errorCode(cause),
                        cause.getMessage());
                closedByOwner = true;
                closeWith(cause);
            }
        });
    }

    private <T> CompletableFuture<T> submit(PendingRequest<T> request) {
        if (request.body.apiKey() != request.api) {
            throw new IllegalArgumentException("a " + request.body.apiKey() + " body cannot be sent as " + request.api);
        }
        if (request.body instanceof ProduceRequest produce && (produce.acks() == 0) == request.expectsResponse()) {
            // a mismatch would leave the in-flight table out of step with the broker's responses
            throw new IllegalArgumentException("Produce with acks=" + produce.acks() + " must be sent with " + (
                    produce.acks() == 0 ? "sendNoResponse: the broker does not answer it" : "send: the broker answers it"));
        }
        try {
            loop.execute(() -> enqueue(request));
        } catch (RejectedExecutionException e) {
            request.future.completeExceptionally(resourcesShutDown());
        }
        return request.future;
    }

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            try {
                loop.execute(task);
            } catch (RejectedExecutionException ignored) {
                // the client resources are shut down; the channel is closed with them
            }
        }
    }

    // ---- everything below runs on the event loop ----

    private void doConnect() {
        if (state != State.NEW) {
            return;
        }
        state = State.CONNECTING;
        Duration connectTimeout = options.connectTimeout();
        establishTimer = loop.schedule(() -> closeWith(new MqTimeoutException("could not establish a connection to "
                + broker + " within " + connectTimeout + " (still " + state + ")", null, broker, null, null)),
                connectTimeout.toNanos(), TimeUnit.NANOSECONDS);
        ChannelFuture connected = ConnectionChannels.connect(loop, resolver, broker, options, setup, new ResponseHandler());
        channel = connected.channel();
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                closeWith(new ConnectionLostException("cannot connect to " + broker + ": " + f.cause().getMessage(),
                        f.cause(), broker, null));
            } else if (state == State.CONNECTING) {
                state = State.ESTABLISHING;
                new ConnectionHandshake(broker, requiredApis, setup.stages(), new SetupTransport()).start()
                        .whenComplete((negotiated, error) -> onLoop(() -> {
                            if (error != null) {
                                closeWith(asMqException(error, "connection establishment"));
                            } else if (state == State.ESTABLISHING) {
                                becomeReady(negotiated);
                            }
                        }));
            }
        });
    }

    private void becomeReady(NegotiatedVersions negotiated) {
        versions = negotiated;
        cancel(establishTimer);
        establishTimer = null;
        state = State.READY;
        wasReady = true;
        lastUsedNanos = System.nanoTime();
        scheduleIdleCheck(options.idleTimeout().toNanos());
        log.debug("Connected to {} as {}; {}", broker, clientId, versions);
        ready.complete(this);
        listener.connectionReady(this);
        dispatch();
    }

    private void enqueue(PendingRequest<?> request) {
        if (state == State.CLOSED) {
            request.future.completeExceptionally(failureFor(request, closeCause));
            return;
        }
        lastUsedNanos = System.nanoTime();
        request.timer = loop.schedule(() -> timedOut(request), request.timeoutNanos, TimeUnit.NANOSECONDS);
        queued.add(request);
        dispatch();
    }

    private void writeSetup(PendingRequest<?> request) {
        if (state != State.ESTABLISHING) {
            request.future.completeExceptionally(failureFor(request, closeCause));
            return;
        }
        request.timer = loop.schedule(() -> timedOut(request), request.timeoutNanos, TimeUnit.NANOSECONDS);
        if (write(request)) {
            channel.flush();
        }
    }

    private void dispatch() {
        boolean wrote = false;
        while (state == State.READY && !queued.isEmpty() && inFlight.size() < options.maxInFlightRequests()) {
            wrote |= write(queued.poll());
        }
        if (wrote && state == State.READY) {
            channel.flush();
        }
        updateGauges();
    }

    /** Encodes and writes one request (not flushed); false when it failed before being written. */
    private boolean write(PendingRequest<?> request) {
        try {
            request.version = request.fixedVersion >= 0 ? request.fixedVersion : versions.version(request.api);
        } catch (UnsupportedVersionException e) {
            fail(request, e);
            return false;
        }
        request.correlationId = nextCorrelationId;
        nextCorrelationId = nextCorrelationId == Integer.MAX_VALUE ? 0 : nextCorrelationId + 1;
        ByteBuf frame;
        try {
            frame = Frames.encodeRequest(channel.alloc(),
                    new RequestHeader(request.api, request.version, request.correlationId, clientId), request.body);
        } catch (RuntimeException e) {
            fail(request, new FatalMqException("cannot encode " + request + " for " + broker + ": " + e.getMessage(),
                    e, broker, request.api, null));
            return false;
        }
        request.sentNanos = System.nanoTime();
        if (request.expectsResponse()) {
            inFlight.add(request);
        }
        if (request.kind == PendingRequest.Kind.USER) {
            requestsSent++;
        }
        ChannelPromise promise = channel.newPromise();
        promise.addListener(f -> written(request, f));
        channel.write(frame, promise);
        return true;
    }

    private void written(PendingRequest<?> request, Future<?> result) {
        if (!result.isSuccess()) {
            if (!request.expectsResponse()) {
                fail(request, new ConnectionLostException("cannot write " + request + " to " + broker + ": "
                        + result.cause(), result.cause(), broker, request.api));
            }
            closeWith(new ConnectionLostException("cannot write to " + broker + ": " + result.cause(), result.cause(),
                    broker, request.api));
        } else if (!request.expectsResponse()) {
            request.cancelTimer();
            request.completeWritten();
        }
    }

    private void frameReceived(ByteBuf frame) {
        try {
            if (state == State.CLOSED) {
                return;
            }
            PendingRequest<?> request = inFlight.peek();
            if (request == null) {
                closeWith(new ConnectionLostException(broker + " sent a response with no request outstanding", null,
                        broker, null));
                return;
            }
            WireReader in = new WireReader(frame);
            ResponseHeader header = ResponseHeader.read(in, request.api.responseHeaderVersion(request.version));
            if (header.correlationId() != request.correlationId) {
                closeWith(new ConnectionLostException(broker + " answered correlation id " + header.correlationId()
                        + " but " + request + " was next", null, broker, request.api));
                return;
            }
            inFlight.poll();
            request.cancelTimer();
            if (request == outstandingPing) {
                outstandingPing = null;
            } else if (request.kind == PendingRequest.Kind.USER) {
                lastUsedNanos = System.nanoTime();
            }
            try {
                request.complete(in);
            } catch (RuntimeException e) {
                fail(request, new FatalMqException("malformed " + request + " response from " + broker + ": "
                        + e.getMessage(), e, broker, request.api, null));
            }
        } catch (ProtocolException e) {
            closeWith(new ConnectionLostException("malformed response header from " + broker + ": " + e.getMessage(),
                    e, broker, null));
        } finally {
            frame.release();
        }
        dispatch();
    }

    private void timedOut(PendingRequest<?> request) {
        request.timer = null;
        if (request.future.isDone()) {
            return;
        }
        Duration timeout = Duration.ofNanos(request.timeoutNanos);
        if (queued.remove(request)) {
            fail(request, new MqTimeoutException(request.api.displayName() + " request to " + broker
                    + " was not sent within " + timeout + " (connection " + state + ")", closeCause, broker,
                    request.api, null));
            updateGauges();
            return;
        }
        MqTimeoutException timeoutError = new MqTimeoutException("no response to " + request + " from " + broker
                + " within " + timeout, null, broker, request.api, null);
        fail(request, timeoutError);
        log.warn("[{}] {} [{}]; closing the connection", clientId, timeoutError.getMessage(),
                MqExceptions.errorCode(timeoutError));
        closeWith(new ConnectionLostException("connection to " + broker + " closed after " + request + " timed out",
                timeoutError, broker, null));
    }

    private void idle(IdleState idleState) {
        if (state != State.READY) {
            return;
        }
        if (idleState == IdleState.WRITER_IDLE) {
            if (outstandingPing == null && inFlight.isEmpty() && queued.isEmpty()) {
                sendPing();
            }
        } else if (idleState == IdleState.READER_IDLE && outstandingPing != null
                && System.nanoTime() - outstandingPing.sentNanos >= options.heartbeatTimeout().toNanos()) {
            log.warn("[{}] No heartbeat response from {} within {} [{}]; closing the connection", clientId, broker,
                    options.heartbeatTimeout(), Errors.REQUEST_TIMED_OUT);
            closeWith(new ConnectionLostException("no heartbeat response from " + broker + " within "
                    + options.heartbeatTimeout() + "; connection closed", null, broker, null));
        }
    }

    private void sendPing() {
        PendingRequest<ApiVersionsResponse> ping = new PendingRequest<>(ApiKey.API_VERSIONS,
                ConnectionHandshake.apiVersionsRequest(), ApiVersionsResponse::read,
                options.requestTimeout().toNanos(), PendingRequest.Kind.PING, (short) -1);
        ping.timer = loop.schedule(() -> timedOut(ping), ping.timeoutNanos, TimeUnit.NANOSECONDS);
        outstandingPing = ping;
        pingsSent++;
        if (write(ping)) {
            channel.flush();
        }
        updateGauges();
    }

    private void scheduleIdleCheck(long delayNanos) {
        idleTimer = loop.schedule(this::idleCheck, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void idleCheck() {
        idleTimer = null;
        if (state != State.READY) {
            return;
        }
        long limit = options.idleTimeout().toNanos();
        long idleFor = System.nanoTime() - lastUsedNanos;
        boolean unused = queued.isEmpty() && inFlight.stream().allMatch(r -> r.kind != PendingRequest.Kind.USER);
        if (unused && idleFor >= limit) {
            log.debug("Closing connection to {}: unused for {}", broker, options.idleTimeout());
            closeWith(null);
        } else {
            scheduleIdleCheck(unused ? limit - idleFor : limit);
        }
    }

    /** Closes the connection and fails what is pending; a null cause is an orderly close of an idle connection. */
    private void closeWith(MqException cause) {
        if (state == State.CLOSED) {
            return;
        }
        State previous = state;
        state = State.CLOSED;
        closeCause = cause;
        cancel(establishTimer);
        cancel(idleTimer);
        List<PendingRequest<?>> pending = new ArrayList<>(inFlight);
        pending.addAll(queued);
        inFlight.clear();
        queued.clear();
        outstandingPing = null;
        updateGauges();
        if (channel != null) {
            channel.close().addListener(f -> closeFuture.complete(null));
        } else {
            closeFuture.complete(null);
        }
        if (cause != null && !closedByOwner) {
            if (previous == State.READY) {
                log.info("[{}] Connection to {} lost [{}]: {}", clientId, broker, MqExceptions.errorCode(cause),
                        cause.getMessage());
            } else {
                log.debug("[{}] Connection to {} failed while {} [{}]: {}", clientId, broker, previous,
                        MqExceptions.errorCode(cause), cause.getMessage());
            }
        }
        // the owner learns first, so a caller retrying from a failure callback gets a fresh connection
        listener.connectionClosed(this, cause);
        ready.completeExceptionally(cause != null ? cause : closed(null));
        for (PendingRequest<?> request : pending) {
            fail(request, failureFor(request, cause));
        }
    }

    private MqException failureFor(PendingRequest<?> request, MqException cause) {
        if (cause == null) {
            return closed(request.api);
        }
        return cause.isRetriable()
                ? new ConnectionLostException(cause.getMessage(), cause, broker, request.api)
                : cause;
    }

    private ConnectionLostException closed(ApiKey api) {
        return new ConnectionLostException("connection to " + broker + " was closed", null, broker, api);
    }

    private MqException asMqException(Throwable error, String what) {
        Throwable cause = MqExceptions.unwrap(error);
        return cause instanceof MqException mq ? mq
                : new ConnectionLostException(what + " with " + broker + " failed: " + cause, cause, broker, null);
    }

    private MqException resourcesShutDown() {
        return new FatalMqException("client resources are shut down; cannot use the connection to " + broker, null,
                broker, null, null);
    }

    private static void fail(PendingRequest<?> request, MqException error) {
        request.cancelTimer();
        request.future.completeExceptionally(error);
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void updateGauges() {
        int size = inFlight.size();
        inFlightGauge = size;
        queuedGauge = queued.size();
        if (size > peakInFlight) {
            peakInFlight = size;
        }
    }

    @Override
    public String toString() {
        return "BrokerConnection[" + broker + ", " + state + "]";
    }

    /** The pipeline's last handler: frames and events from Netty into the connection. */
    private final class ResponseHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            frameReceived((ByteBuf) msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent idle) {
                idle(idle.state());
            } else {
                super.userEventTriggered(ctx, event);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            closeWith(new ConnectionLostException("connection to " + broker + " was closed by the broker or the "
                    + "network (" + state + ")", null, broker, null));
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Throwable root = cause.getCause() instanceof ProtocolException ? cause.getCause() : cause;
            closeWith(new ConnectionLostException("connection to " + broker + " failed: " + root.getMessage(), root,
                    broker, null));
        }
    }

    /** How the handshake sends its requests: written at once, ahead of queued requests. */
    private final class SetupTransport implements ConnectionHandshake.Transport {

        @Override
        public <T> CompletableFuture<T> sendSetup(ApiKey api, ApiMessage request,
                BiFunction<WireReader, Short, T> reader, short version) {
            PendingRequest<T> pending = new PendingRequest<>(api, request, reader, options.connectTimeout().toNanos(),
                    PendingRequest.Kind.SETUP, version);
            onLoop(() -> writeSetup(pending));
            return pending.future;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public void execute(Runnable task) {
            onLoop(task);
        }
    }
}

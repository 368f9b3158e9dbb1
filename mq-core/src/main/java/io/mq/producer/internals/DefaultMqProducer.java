package io.mq.producer.internals;

import io.mq.client.ClientResources;
import io.mq.client.ConnectionOptions;
import io.mq.client.FatalMqException;
import io.mq.client.MqException;
import io.mq.client.internal.ConnectionPool;
import io.mq.client.internal.ConnectionSetup;
import io.mq.metadata.MetadataOptions;
import io.mq.metadata.internal.DefaultMetadataManager;
import io.mq.producer.Acks;
import io.mq.producer.FatalSendException;
import io.mq.producer.MqProducer;
import io.mq.producer.Persistence;
import io.mq.producer.ProducerMetrics;
import io.mq.producer.ProducerOptions;
import io.mq.producer.ProducerRecord;
import io.mq.producer.RetriableSendException;
import io.mq.producer.SendCallback;
import io.mq.producer.SendFailedException;
import io.mq.producer.SendResult;
import io.mq.producer.internals.RecordRouter.Mode;
import io.mq.protocol.ApiKey;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MqProducer} engine: a facade over its connection pool, metadata manager, buffer pool, accumulators (one
 * for acknowledged batches, one for {@code acks=0} fire-and-forget batches unless acks is already 0), the
 * {@link RecordRouter} that sending threads use and the {@link Sender}. The sender, the producer's connections and
 * its metadata refreshes all run on ONE event loop of the shared {@link ClientResources}, picked per producer, so an
 * answer reaches the sender without a thread hand-off. It creates no thread.
 *
 * <p>Lifecycle: the state moves only along CREATED → RUNNING | START_FAILED, RUNNING → FAILED (a fatal error),
 * RUNNING | FAILED → CLOSING → CLOSED, and CREATED | START_FAILED → CLOSED, each by compare-and-set, so a
 * producer starts and closes at most once. Users build it with {@link MqProducer#builder()}, which starts it.
 */
public final class DefaultMqProducer implements MqProducer {

    private static final Logger log = LoggerFactory.getLogger(DefaultMqProducer.class);

    /** Extra time {@link #close(Duration)} waits for connections to close after the delivery timeout. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);

    private final ProducerOptions options;
    private final MetadataOptions metadataOptions;
    private final ClientResources resources;
    private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final DefaultProducerMetrics metrics = new DefaultProducerMetrics();
    private final ConnectionPool pool;
    private final DefaultMetadataManager metadata;
    private final BufferPool bufferPool;
    private final ProducerInterceptors interceptors;
    private final Sender sender;
    private final RecordRouter router;
    private final Duration syncWaitBound;
    private volatile MqException fatalError;

    /**
     * Creates the producer's parts without starting anything; prefer {@link MqProducer#builder()}.
     *
     * @param options    engine settings
     * @param connection connection settings
     * @param metadata   bootstrap addresses and metadata settings
     * @param resources  the event loops to run on (not shut down by the producer)
     */
    public DefaultMqProducer(ProducerOptions options, ConnectionOptions connection, MetadataOptions metadata,
            ClientResources resources) {
        this.options = Objects.requireNonNull(options, "options");
        this.metadataOptions = Objects.requireNonNull(metadata, "metadata");
        this.resources = Objects.requireNonNull(resources, "resources");
        Set<ApiKey> required = EnumSet.of(ApiKey.METADATA, ApiKey.PRODUCE);
        IdempotenceState idempotence = null;
        if (options.idempotence()) {
            required.add(ApiKey.INIT_PRODUCER_ID);
            idempotence = new IdempotenceState();
        }
        EventLoop loop = resources.eventLoopGroup().next(); // the sender, its connections and its metadata
        this.pool = new ConnectionPool(resources, connection, required, ConnectionSetup.NONE, loop);
        this.metadata = new DefaultMetadataManager(pool, metadata);
        this.bufferPool = new BufferPool(options.bufferMemory(), options.backpressure(), options.maxBlock(),
                PooledByteBufAllocator.DEFAULT);
        this.interceptors = new ProducerInterceptors(pool.clientId(), options.interceptors());
        RecordAccumulator accumulator = new RecordAccumulator(options, bufferPool, idempotence, interceptors, metrics,
                Time.SYSTEM);
        RecordAccumulator oneway = options.acks() == Acks.NONE ? accumulator
                : new RecordAccumulator(options.mutate().idempotence(false).build(), bufferPool, null, interceptors,
                        metrics, Time.SYSTEM);
        RecordsQueuedForUnknownTopic parking = new RecordsQueuedForUnknownTopic(options.bufferMemory(),
                options.maxMetadataWait(), interceptors, metrics);
        this.sender = new Sender(pool.clientId(), loop, pool, this.metadata, options,
                accumulator, oneway, parking, idempotence, options.partitioner().get(), interceptors, metrics,
                Time.SYSTEM, this::stoppedByFatalError);
        this.router = sender.router();
        this.syncWaitBound = options.maxMetadataWait().plus(options.deliveryTimeout()).multipliedBy(2)
                .plus(options.requestTimeout());
        metrics.bindInFlightRequests(sender::requestsInFlight);
        metrics.bindConnections(() -> pool.stats().connections());
        metrics.bindMetadataAge(this.metadata::metadataAgeMillis);
    }

    /**
     * Starts fetching metadata and the sender: CREATED → RUNNING, or START_FAILED when that fails.
     *
     * @return this producer
     * @throws IllegalStateException if the producer was started or closed before
     * @throws MqException           if it cannot start; it is then START_FAILED
     */
    public DefaultMqProducer start() {
        synchronized (state) {
            if (state.get() != State.CREATED) {
                throw new IllegalStateException("producer " + clientId() + " cannot start: it is " + state.get());
            }
            try {
                if (resources.isShutdown()) {
                    throw new FatalMqException("the client resources of producer " + clientId() + " are shut down");
                }
                sender.start();
                metadata.start().whenComplete((cluster, error) -> {
                    if (error != null) {
                        log.warn("[{}] First metadata fetch failed; retrying in the background: {}", clientId(),
                                error.getMessage());
                    }
                });
                state.set(State.RUNNING);
                log.info("[{}] Producer started: bootstrap {}, {}", clientId(), metadataOptions.bootstrapServers(),
                        options);
                return this;
            } catch (RuntimeException e) {
                state.set(State.START_FAILED);
                metadata.close();
                pool.closeAsync();
                throw e instanceof MqException mq ? mq : e instanceof RejectedExecutionException
                        ? new FatalMqException("producer " + clientId() + " cannot start: its event loops reject "
                                + "tasks (are the client resources shut down?)")
                        : e;
            }
        }
    }

    @Override
    public CompletableFuture<SendResult> send(ProducerRecord record) {
        SendFuture future = new SendFuture();
        submit(record, future, Mode.ASYNC);
        return future;
    }

    @Override
    public void send(ProducerRecord record, SendCallback callback) {
        submit(record, Objects.requireNonNull(callback, "callback"), Mode.ASYNC);
    }

    @Override
    public SendResult sendSync(ProducerRecord record) {
        if (BufferPool.isEventLoopThread()) {
            throw new IllegalStateException("sendSync must not be called on a Netty event-loop thread (it would wait "
                    + "on the loop that delivers the answer); use send(record)");
        }
        SendFuture future = new SendFuture();
        submit(record, future, Mode.SYNC);
        try {
            return future.get(syncWaitBound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SendFailedException failure) {
                throw failure;
            }
            throw new FatalSendException("the send failed: " + e.getCause(), record.topic(),
                    SendFailedException.NO_PARTITION, null, null, SendFailedException.ABORTED,
                    Persistence.POSSIBLY_PERSISTED, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetriableSendException("interrupted while waiting for the broker's answer; the record may "
                    + "still be sent", record.topic(), SendFailedException.NO_PARTITION, null, null,
                    SendFailedException.INTERRUPTED, Persistence.POSSIBLY_PERSISTED, e);
        } catch (TimeoutException e) {
            throw new RetriableSendException("no outcome within " + syncWaitBound, record.topic(),
                    SendFailedException.NO_PARTITION, null, null, SendFailedException.DELIVERY_TIMEOUT,
                    Persistence.POSSIBLY_PERSISTED, e);
        }
    }

    @Override
    public void sendOneway(ProducerRecord record) {
        submit(record, null, Mode.ONEWAY);
    }

    @Override
    public CompletableFuture<Void> flush() {
        State current = state.get();
        if (current == State.CREATED || current == State.START_FAILED || current == State.CLOSED) {
            return CompletableFuture.completedFuture(null);
        }
        return sender.flush();
    }

    @Override
    public CompletableFuture<Void> closeAsync(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        Duration bound = timeout.isNegative() ? Duration.ZERO : timeout;
        while (true) {
            State current = state.get();
            switch (current) {
                case CLOSING, CLOSED -> {
                    return closed;
                }
                case CREATED, START_FAILED -> {
                    if (state.compareAndSet(current, State.CLOSED)) {
                        metadata.close();
                        pool.closeAsync().whenComplete((ignored, error) -> closed.complete(null));
                        bufferPool.close();
                        return closed;
                    }
                }
                default -> {
                    if (state.compareAndSet(current, State.CLOSING)) {
                        log.info("[{}] Closing the producer (delivering what is pending for up to {})", clientId(),
                                bound);
                        sender.close(bound).whenComplete((ignored, error) -> release());
                        return closed;
                    }
                }
            }
        }
    }

    @Override
    public void close(Duration timeout) {
        CompletableFuture<Void> closing = closeAsync(timeout);
        if (BufferPool.isEventLoopThread()) {
            return; // never wait on an event loop
        }
        Duration bound = (timeout.isNegative() ? Duration.ZERO : timeout).plus(pool.options().connectTimeout())
                .plus(CLOSE_GRACE);
        try {
            closing.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("[{}] The producer did not finish closing within {}: {}", clientId(), bound, e.toString());
        }
    }

    @Override
    public ProducerMetrics metrics() {
        return metrics;
    }

    @Override
    public State state() {
        return state.get();
    }

    @Override
    public String clientId() {
        return pool.clientId();
    }

    @Override
    public String toString() {
        return "MqProducer[" + clientId() + ", " + state.get() + "]";
    }

    private void submit(ProducerRecord record, SendCallback callback, Mode mode) {
        Objects.requireNonNull(record, "record");
        SendFailedException refused = refusal(record);
        if (refused == null) {
            try {
                router.route(interceptors.onSend(record), callback, mode);
                return;
            } catch (SendFailedException e) {
                refused = e;
            }
        }
        metrics.recordFailed(refused.code(), 1);
        interceptors.onAcknowledgement(null, refused);
        if (callback == null) {
            throw refused;
        }
        SendCallbacks.failed(callback, refused);
    }

    /** Why a send is refused in the current state, or null while running. */
    private SendFailedException refusal(ProducerRecord record) {
        State current = state.get();
        return switch (current) {
            case RUNNING -> null;
            case CLOSING, CLOSED -> new FatalSendException("the producer is " + current, record.topic(),
                    SendFailedException.NO_PARTITION, SendFailedException.PRODUCER_CLOSED, Persistence.NOT_PERSISTED);
            case FAILED -> new FatalSendException("the producer stopped after a fatal error: "
                    + fatalError.getMessage(), record.topic(), SendFailedException.NO_PARTITION,
                    fatalError.broker().orElse(null), null, SendFailedException.PRODUCER_FAILED,
                    Persistence.NOT_PERSISTED, fatalError);
            default -> new FatalSendException("the producer is " + current + ", not running", record.topic(),
                    SendFailedException.NO_PARTITION, SendFailedException.PRODUCER_FAILED, Persistence.NOT_PERSISTED);
        };
    }

    private void stoppedByFatalError(MqException error) {
        fatalError = error;
        state.compareAndSet(State.RUNNING, State.FAILED);
    }

    /** After the sender stopped: closes metadata and connections, wakes blocked senders, ends in CLOSED. */
    private void release() {
        metadata.close();
        bufferPool.close();
        pool.closeAsync().whenComplete((ignored, error) -> {
            interceptors.close();
            state.set(State.CLOSED);
            log.info("[{}] Producer closed", clientId());
            closed.complete(null);
        });
    }
}

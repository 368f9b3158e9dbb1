package io.mq.metadata.internal;

import io.mq.client.FatalMqException;
import io.mq.client.MqConfigurationException;
import io.mq.client.MqException;
import io.mq.client.MqExceptions;
import io.mq.client.RetriableMqException;
import io.mq.client.UnknownTopicException;
import io.mq.client.internal.Backoff;
import io.mq.client.internal.ConnectionListener;
import io.mq.client.internal.ConnectionPool;
import io.mq.metadata.Cluster;
import io.mq.metadata.MetadataManager;
import io.mq.metadata.MetadataOptions;
import io.mq.metadata.Node;
import io.mq.metadata.PartitionMetadata;
import io.mq.metadata.TopicMetadata;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.MetadataRequest;
import io.mq.protocol.message.MetadataRequest.MetadataRequestTopic;
import io.mq.protocol.message.MetadataResponse;
import io.mq.protocol.types.Uuids;
import io.netty.channel.EventLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MetadataManager} of a producer or admin client, sending Metadata requests through its
 * {@link ConnectionPool}.
 *
 * <p>A refresh asks for the tracked topics (those ever awaited) and tries the known brokers, those with a ready
 * connection first, then the bootstrap addresses, until one answers. At most one refresh runs at a time: requests made
 * while one runs are coalesced into a single follow-up, and two refreshes start at least {@code refreshBackoff} apart
 * (more after consecutive failures, growing to the pool's maximum reconnect backoff). Without requests, metadata is
 * refreshed when it reaches {@code metadataMaxAge}. A connection lost to a broker requests a refresh.
 *
 * <p>Threading: all state is confined to one event loop of the pool's {@link io.mq.client.ClientResources}; public
 * methods only submit tasks to it.
 */
public final class DefaultMetadataManager implements MetadataManager {

    private static final Logger log = LoggerFactory.getLogger(DefaultMetadataManager.class);

    private final ConnectionPool pool;
    private final MetadataOptions options;
    private final List<Node> bootstrapNodes;
    private final EventLoop loop;
    private final Backoff failureBackoff;
    private final AtomicLong refreshes = new AtomicLong();
    private final ConnectionListener disconnects = new ConnectionListener() {
        @Override
        public void connectionClosed(Node broker, MqException cause, boolean established) {
            if (cause != null && established) {
                requestUpdate();
            }
        }
    };

    private volatile Cluster cluster;

    // confined to the loop
    private final Set<String> topics = new LinkedHashSet<>();
    private final List<TopicWaiter> waiters = new ArrayList<>();
    private CompletableFuture<Cluster> pending;
    private CompletableFuture<Cluster> running;
    private boolean refreshedBefore;
    private long lastRefreshStartNanos;
    private int consecutiveFailures;
    private MqException lastFailure;
    private int nodeCursor;
    private ScheduledFuture<?> backoffTimer;
    private ScheduledFuture<?> periodicTimer;
    private boolean closed;

    /**
     * @param pool    the connections to send Metadata requests on; its event loops run this manager too
     * @param options bootstrap addresses and refresh settings
     */
    public DefaultMetadataManager(ConnectionPool pool, MetadataOptions options) {
        this.pool = pool;
        this.options = options;
        this.bootstrapNodes = options.bootstrapNodes();
        this.loop = pool.nextLoop();
        Duration maxBackoff = options.refreshBackoff().compareTo(pool.options().reconnectBackoffMax()) > 0
                ? options.refreshBackoff() : pool.options().reconnectBackoffMax();
        this.failureBackoff = new Backoff(options.refreshBackoff(), maxBackoff, pool.options().reconnectJitter());
        this.cluster = Cluster.bootstrap(bootstrapNodes);
        pool.addListener(disconnects);
    }

    @Override
    public CompletableFuture<Cluster> start() {
        CompletableFuture<Cluster> result = new CompletableFuture<>();
        onLoop(result, () -> {
            pool.updateNodes(bootstrapNodes);
            propagate(requestUpdateOnLoop(), result);
        });
        return result;
    }

    @Override
    public Cluster cluster() {
        return cluster;
    }

    @Override
    public CompletableFuture<Cluster> requestUpdate() {
        CompletableFuture<Cluster> result = new CompletableFuture<>();
        onLoop(result, () -> propagate(requestUpdateOnLoop(), result));
        return result;
    }

    @Override
    public CompletableFuture<Cluster> awaitTopic(String topic, Duration bound) {
        if (topic == null || topic.isBlank()) {
            return CompletableFuture.failedFuture(new MqConfigurationException("topic must not be blank"));
        }
        if (bound == null || bound.isNegative() || bound.isZero()) {
            return CompletableFuture.failedFuture(new MqConfigurationException("the wait for topic '" + topic
                    + "' must be positive, was " + bound));
        }
        CompletableFuture<Cluster> result = new CompletableFuture<>();
        onLoop(result, () -> {
            if (closed) {
                result.completeExceptionally(closedError());
                return;
            }
            topics.add(topic);
            TopicWaiter waiter = new TopicWaiter(topic, bound, result);
            if (!waiter.settle(cluster)) {
                waiter.timer = loop.schedule(() -> expire(waiter), bound.toNanos(), TimeUnit.NANOSECONDS);
                waiters.add(waiter);
                requestUpdateOnLoop();
            }
        });
        return result;
    }

    @Override
    public long metadataAgeMillis() {
        Instant fetchedAt = cluster.fetchedAt();
        return fetchedAt == null ? -1 : Math.max(0, System.currentTimeMillis() - fetchedAt.toEpochMilli());
    }

    /** Refreshes started so far (for metrics and tests). */
    public long refreshCount() {
        return refreshes.get();
    }

    @Override
    public void close() {
        pool.removeListener(disconnects);
        try {
            loop.execute(this::closeOnLoop);
        } catch (RejectedExecutionException ignored) {
            // the event loops are gone, and with them every timer
        }
    }

    // ---- everything below runs on the loop ----

    private CompletableFuture<Cluster> requestUpdateOnLoop() {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        CompletableFuture<Cluster> next = pending;
        if (next == null) {
            next = new CompletableFuture<>();
            pending = next;
            if (running == null) {
                schedulePending();
            }
        }
        return next;
    }

    private void schedulePending() {
        if (backoffTimer != null) {
            return;
        }
        long gap = consecutiveFailures == 0 ? options.refreshBackoff().toNanos()
                : failureBackoff.delayNanos(consecutiveFailures);
        long wait = refreshedBefore ? gap - (System.nanoTime() - lastRefreshStartNanos) : 0;
        if (wait <= 0) {
            startRefresh();
        } else {
            backoffTimer = loop.schedule(() -> {
                backoffTimer = null;
                startRefresh();
            }, wait, TimeUnit.NANOSECONDS);
        }
    }

    private void startRefresh() {
        if (closed || pending == null || running != null) {
            return;
        }
        running = pending;
        pending = null;
        refreshedBefore = true;
        lastRefreshStartNanos = System.nanoTime();
        refreshes.incrementAndGet();
        List<MetadataRequestTopic> requested = topics.stream().map(t -> new MetadataRequestTopic(Uuids.ZERO, t)).toList();
        attempt(new MetadataRequest(requested, options.allowAutoTopicCreation(), false, false), candidates(), 0, null);
    }

    /** Known brokers with a ready connection first, then the other known brokers (rotating), then bootstrap. */
    private List<Node> candidates() {
        List<Node> known = cluster.isBootstrap() ? List.of() : cluster.nodes();
        Set<Node> ordered = new LinkedHashSet<>();
        known.stream().filter(pool::hasReadyConnection).forEach(ordered::add);
        int start = known.isEmpty() ? 0 : Math.floorMod(nodeCursor++, known.size());
        for (int i = 0; i < known.size(); i++) {
            ordered.add(known.get((start + i) % known.size()));
        }
        ordered.addAll(bootstrapNodes);
        return new ArrayList<>(ordered);
    }

    private void attempt(MetadataRequest request, List<Node> candidates, int index, Throwable lastError) {
        if (index == candidates.size()) {
            refreshFailed(new RetriableMqException("could not fetch metadata from any of " + candidates
                    + (lastError != null ? "; last error: " + lastError.getMessage() : ""), lastError, null,
                    ApiKey.METADATA, null));
            return;
        }
        Node node = candidates.get(index);
        pool.send(node, ApiKey.METADATA, request, MetadataResponse::read).whenComplete((response, error) -> onLoop(null,
                () -> {
                    if (closed) {
                        return;
                    }
                    Cluster fetched = null;
                    Throwable failure = error == null ? null : MqExceptions.unwrap(error);
                    if (failure == null) {
                        try {
                            fetched = MetadataResponses.toCluster(response, Instant.now());
                        } catch (RuntimeException e) {
                            failure = e;
                        }
                    }
                    if (fetched != null) {
                        refreshed(fetched, node);
                    } else {
                        log.debug("[{}] Metadata request to {} failed [{}]: {}", pool.clientId(), node,
                                MqExceptions.errorCode(failure), failure.getMessage());
                        attempt(request, candidates, index + 1, failure);
                    }
                }));
    }

    private void refreshed(Cluster fetched, Node from) {
        cluster = fetched;
        consecutiveFailures = 0;
        lastFailure = null;
        log.debug("Metadata from {}: {}", from, fetched);
        pool.updateNodes(fetched.nodes());
        CompletableFuture<Cluster> done = running;
        running = null;
        done.complete(fetched);
        afterRefresh();
    }

    private void refreshFailed(MqException failure) {
        consecutiveFailures++;
        lastFailure = failure;
        log.warn("[{}] Metadata refresh failed ({} in a row) [{}]: {}", pool.clientId(), consecutiveFailures,
                MqExceptions.errorCode(failure), failure.getMessage());
        CompletableFuture<Cluster> done = running;
        running = null;
        done.completeExceptionally(failure);
        afterRefresh();
    }

    private void afterRefresh() {
        boolean waiting = false;
        for (Iterator<TopicWaiter> it = waiters.iterator(); it.hasNext(); ) {
            TopicWaiter waiter = it.next();
            if (waiter.settle(cluster)) {
                it.remove();
            } else {
                waiting = true;
            }
        }
        if (waiting) {
            requestUpdateOnLoop();
        }
        if (pending != null) {
            schedulePending();
        }
        schedulePeriodic();
    }

    private void schedulePeriodic() {
        if (periodicTimer != null) {
            periodicTimer.cancel(false);
        }
        long delay = consecutiveFailures == 0 ? options.metadataMaxAge().toNanos()
                : failureBackoff.delayNanos(consecutiveFailures);
        periodicTimer = loop.schedule(() -> {
            periodicTimer = null;
            requestUpdateOnLoop();
        }, delay, TimeUnit.NANOSECONDS);
    }

    private void expire(TopicWaiter waiter) {
        if (!waiters.remove(waiter)) {
            return;
        }
        waiter.expire(cluster, lastFailure);
        boolean stillAwaited = waiters.stream().anyMatch(w -> w.topic.equals(waiter.topic));
        boolean exists = cluster.topic(waiter.topic).map(t -> t.error() == Errors.NONE).orElse(false);
        if (!stillAwaited && !exists) {
            topics.remove(waiter.topic);
        }
    }

    private void closeOnLoop() {
        if (closed) {
            return;
        }
        closed = true;
        for (ScheduledFuture<?> timer : new ScheduledFuture<?>[] {backoffTimer, periodicTimer}) {
            if (timer != null) {
                timer.cancel(false);
            }
        }
        FatalMqException error = closedError();
        for (CompletableFuture<Cluster> f : Arrays.asList(pending, running)) {
            if (f != null) {
                f.completeExceptionally(error);
            }
        }
        pending = null;
        running = null;
        for (TopicWaiter waiter : waiters) {
            waiter.timer.cancel(false);
            waiter.result.completeExceptionally(error);
        }
        waiters.clear();
    }

    private static FatalMqException closedError() {
        return new FatalMqException("the metadata manager is closed");
    }

    private void onLoop(CompletableFuture<?> failOnReject, Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            if (failOnReject != null) {
                failOnReject.completeExceptionally(new FatalMqException("client resources are shut down"));
            }
        }
    }

    private static void propagate(CompletableFuture<Cluster> from, CompletableFuture<Cluster> to) {
        from.whenComplete((c, e) -> {
            if (e != null) {
                to.completeExceptionally(MqExceptions.unwrap(e));
            } else {
                to.complete(c);
            }
        });
    }

    /** A caller of {@link #awaitTopic(String, Duration)} waiting for leaders of every partition of a topic. */
    private static final class TopicWaiter {
        final String topic;
        final Duration bound;
        final CompletableFuture<Cluster> result;
        ScheduledFuture<?> timer;

        TopicWaiter(String topic, Duration bound, CompletableFuture<Cluster> result) {
            this.topic = Objects.requireNonNull(topic);
            this.bound = bound;
            this.result = result;
        }

        /** Completes the wait if {@code cluster} settles it (success or a fatal topic error); true if it did. */
        boolean settle(Cluster cluster) {
            TopicMetadata metadata = cluster.topic(topic).orElse(null);
            if (metadata != null && metadata.hasAllLeaders()) {
                complete(() -> result.complete(cluster));
                return true;
            }
            if (metadata != null && metadata.error() != Errors.NONE && !metadata.error().retriable()) {
                MqException error = MqExceptions.fromError(metadata.error(), "metadata for topic '" + topic + "'",
                        null, ApiKey.METADATA);
                complete(() -> result.completeExceptionally(error));
                return true;
            }
            return false;
        }

        void expire(Cluster cluster, MqException lastFailure) {
            TopicMetadata metadata = cluster.topic(topic).orElse(null);
            Errors error = metadata == null ? null
                    : metadata.error() != Errors.NONE ? metadata.error()
                    : metadata.partitions().stream().map(PartitionMetadata::error).filter(e -> e != Errors.NONE).findFirst()
                            .orElse(null);
            String state = metadata == null ? "is not in the metadata"
                    : metadata.error() != Errors.NONE ? "is unavailable"
                    : "has partitions without a leader";
            String message = "topic '" + topic + "' " + state + " after waiting " + bound
                    + (error != null ? " (" + error + ": " + error.message() + ")" : "")
                    + (lastFailure != null ? "; the last metadata refresh failed: " + lastFailure.getMessage() : "");
            result.completeExceptionally(new UnknownTopicException(topic, message, error, lastFailure));
        }

        private void complete(Runnable completion) {
            if (timer != null) {
                timer.cancel(false);
            }
            completion.run();
        }
    }
}

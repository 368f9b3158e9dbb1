package io.mq.admin.internal;

import io.mq.admin.AdminOptions;
import io.mq.client.ClientResources;
import io.mq.client.ConnectionLostException;
import io.mq.client.FatalMqException;
import io.mq.client.MqException;
import io.mq.client.MqExceptions;
import io.mq.client.MqTimeoutException;
import io.mq.client.RetriableMqException;
import io.mq.client.internal.Backoff;
import io.mq.client.internal.ConnectionPool;
import io.mq.metadata.Cluster;
import io.mq.metadata.MetadataOptions;
import io.mq.metadata.Node;
import io.mq.metadata.internal.MetadataResponses;
import io.mq.protocol.ApiKey;
import io.mq.protocol.Errors;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.message.MetadataRequest;
import io.mq.protocol.message.MetadataRequest.MetadataRequestTopic;
import io.mq.protocol.message.MetadataResponse;
import io.mq.protocol.types.Uuids;
import io.mq.protocol.types.WireReader;
import io.netty.channel.EventLoop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the admin client reaches the cluster: its connection pool, the last metadata seen (brokers and controller),
 * routing to any broker or the controller, and the retry and deadline rules every operation runs under.
 */
final class AdminChannel {

    private static final Logger log = LoggerFactory.getLogger(AdminChannel.class);

    private final AdminOptions options;
    private final ConnectionPool pool;
    private final EventLoop loop;
    private final Backoff backoff;
    private final List<Node> bootstrapNodes;
    private volatile Cluster cluster;
    private volatile Node controller;
    private volatile boolean closed;

    AdminChannel(AdminOptions options, ClientResources resources) {
        this.options = options;
        this.pool = new ConnectionPool(resources, options.connection());
        this.loop = resources.eventLoopGroup().next();
        this.backoff = new Backoff(options.retryBackoff(), options.retryBackoffMax(),
                options.connection().reconnectJitter());
        this.bootstrapNodes = MetadataOptions.builder(options.bootstrapServers()).build().bootstrapNodes();
        this.cluster = Cluster.bootstrap(bootstrapNodes);
    }

    /** The client id sent in request headers. */
    String clientId() {
        return pool.clientId();
    }

    /** The request timeout, in milliseconds, for requests that carry one (CreateTopics, DeleteTopics, ...). */
    int requestTimeoutMs() {
        return (int) Math.min(Integer.MAX_VALUE, options.requestTimeout().toMillis());
    }

    /** Sends {@code request} to {@code node} and decodes the response. */
    <T> CompletableFuture<T> send(Node node, ApiKey api, ApiMessage request, BiFunction<WireReader, Short, T> reader) {
        return pool.send(node, api, request, reader, options.requestTimeout());
    }

    /**
     * Sends a read-only request to some broker: known brokers first (those with a ready connection before the
     * others), then the bootstrap addresses, moving on when one cannot be reached.
     */
    <T> CompletableFuture<T> sendToAny(ApiKey api, ApiMessage request, BiFunction<WireReader, Short, T> reader) {
        CompletableFuture<T> result = new CompletableFuture<>();
        sendToCandidate(candidates(), 0, api, request, reader, result);
        return result;
    }

    /**
     * Sends a request to the controller when known (else to any broker: in KRaft clusters brokers forward controller
     * requests). Failures are not retried on another broker: the request may have been applied.
     */
    <T> CompletableFuture<T> sendToController(ApiKey api, ApiMessage request,
            BiFunction<WireReader, Short, T> reader) {
        Node known = controller;
        CompletableFuture<Node> target = known != null ? CompletableFuture.completedFuture(known)
                : metadata(List.of()).thenApply(c -> c.controller().orElseGet(() -> c.nodes().get(0)));
        return target.thenCompose(node -> send(node, api, request, reader));
    }

    /** Forgets the controller (after NOT_CONTROLLER), so the next controller request looks it up again. */
    void forgetController() {
        controller = null;
    }

    /**
     * Fresh metadata for {@code topics} ({@code null} for every topic, empty for none: brokers and controller only).
     * Never creates topics.
     */
    CompletableFuture<Cluster> metadata(Collection<String> topics) {
        List<MetadataRequestTopic> requested = topics == null ? null
                : topics.stream().map(t -> new MetadataRequestTopic(Uuids.ZERO, t)).toList();
        return sendToAny(ApiKey.METADATA, new MetadataRequest(requested, false, false, false), MetadataResponse::read)
                .thenApply(response -> {
                    Cluster fetched = MetadataResponses.toCluster(response, Instant.now());
                    if (fetched.nodes().isEmpty()) {
                        throw new RetriableMqException("metadata lists no brokers", null, null, ApiKey.METADATA,
                                Errors.BROKER_NOT_AVAILABLE);
                    }
                    cluster = fetched;
                    controller = fetched.controller().orElse(null);
                    pool.updateNodes(fetched.nodes());
                    return fetched;
                });
    }

    /**
     * Runs an operation: {@code attempt} is retried with backoff while it fails with a retriable error, at most
     * {@code maxAttempts} times, and the whole operation fails with {@link MqTimeoutException} when the operation
     * timeout passes first.
     *
     * @param what       what the operation does, for errors and logs (e.g. {@code "describe topics [orders]"})
     * @param idempotent whether repeating an attempt that may have been applied is harmless; if not, only failures
     *                   the broker answered (so nothing was applied) are retried
     */
    <T> CompletableFuture<T> operation(String what, boolean idempotent, Supplier<CompletableFuture<T>> attempt) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        Operation<T> operation = new Operation<>(what, idempotent, attempt);
        try {
            operation.timer = loop.schedule(operation::expire, options.operationTimeout().toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new FatalMqException("client resources are shut down"));
        }
        operation.result.whenComplete((value, error) -> operation.timer.cancel(false));
        operation.run();
        return operation.result;
    }

    /** Closes the connections; operations still running fail. */
    CompletableFuture<Void> closeAsync() {
        closed = true;
        return pool.closeAsync();
    }

    /** Whether the client was closed. */
    boolean isClosed() {
        return closed;
    }

    private FatalMqException closedError() {
        return new FatalMqException("admin client " + pool.clientId() + " is closed");
    }

    private List<Node> candidates() {
        Cluster current = cluster;
        Set<Node> ordered = new LinkedHashSet<>();
        if (!current.isBootstrap()) {
            current.nodes().stream().filter(pool::hasReadyConnection).forEach(ordered::add);
            ordered.addAll(current.nodes());
        }
        ordered.addAll(bootstrapNodes);
        return new ArrayList<>(ordered);
    }

    private <T> void sendToCandidate(List<Node> candidates, int index, ApiKey api, ApiMessage request,
            BiFunction<WireReader, Short, T> reader, CompletableFuture<T> result) {
        Node node = candidates.get(index);
        send(node, api, request, reader).whenComplete((response, error) -> {
            if (error == null) {
                result.complete(response);
                return;
            }
            Throwable failure = MqExceptions.unwrap(error);
            boolean unreachable = failure instanceof ConnectionLostException
                    || failure instanceof MqTimeoutException timeout && timeout.error().isEmpty();
            if (unreachable && index + 1 < candidates.size() && !closed) {
                log.debug("{} request to {} failed, trying {}: {}", api.displayName(), node, candidates.get(index + 1),
                        failure.toString());
                sendToCandidate(candidates, index + 1, api, request, reader, result);
            } else {
                result.completeExceptionally(failure);
            }
        });
    }

    private static boolean brokerAnswered(MqException e) {
        return e.error().isPresent() && e.error().get() != Errors.REQUEST_TIMED_OUT
                && e.error().get() != Errors.NETWORK_EXCEPTION;
    }

    /** One run of {@link #operation}: its attempts, the last failure and the deadline timer. */
    private final class Operation<T> {
        final String what;
        final boolean idempotent;
        final Supplier<CompletableFuture<T>> attempt;
        final CompletableFuture<T> result = new CompletableFuture<>();
        ScheduledFuture<?> timer;
        volatile Throwable lastFailure;
        volatile int attempts;

        Operation(String what, boolean idempotent, Supplier<CompletableFuture<T>> attempt) {
            this.what = what;
            this.idempotent = idempotent;
            this.attempt = attempt;
        }

        void run() {
            attempts++;
            CompletableFuture<T> running;
            try {
                running = attempt.get();
            } catch (RuntimeException e) {
                running = CompletableFuture.failedFuture(e);
            }
            running.whenComplete((value, error) -> {
                if (error == null) {
                    result.complete(value);
                    return;
                }
                Throwable failure = MqExceptions.unwrap(error);
                lastFailure = failure;
                if (result.isDone() || closed || attempts >= options.maxAttempts() || !retriable(failure)) {
                    result.completeExceptionally(failure);
                    return;
                }
                log.debug("{} failed (attempt {} of {}), retrying: {}", what, attempts, options.maxAttempts(),
                        failure.toString());
                try {
                    loop.schedule(this::run, backoff.delayNanos(attempts), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException e) {
                    result.completeExceptionally(failure);
                }
            });
        }

        boolean retriable(Throwable failure) {
            return failure instanceof MqException e && e.isRetriable() && (idempotent || brokerAnswered(e));
        }

        void expire() {
            Throwable last = lastFailure;
            result.completeExceptionally(new MqTimeoutException(what + " did not complete within "
                    + options.operationTimeout() + " (" + attempts + " attempts"
                    + (last != null ? "; last failure: " + last.getMessage() : "") + ")", last, null, null, null));
        }
    }
}

package io.mq.client.internal;

import io.mq.protocol.ApiKey;
import io.mq.protocol.message.ApiMessage;
import io.mq.protocol.types.WireReader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BiFunction;

/**
 * One request on a {@link BrokerConnection}, from submission until its future completes: queued, then in flight
 * (written, awaiting the response). Confined to the connection's event loop after submission.
 *
 * @param <T> the decoded response type ({@code Void} when no response is expected)
 */
final class PendingRequest<T> {

    /** Why the request exists. */
    enum Kind {
        /** Sent by a caller through {@link BrokerConnection#send}. */
        USER,
        /** A heartbeat ping; does not count as use of the connection. */
        PING,
        /** Part of connection establishment (negotiation, stages); written ahead of the queue. */
        SETUP
    }

    final ApiKey api;
    final ApiMessage body;
    /** Decodes the response; null when the broker sends none (Produce with acks=0). */
    final BiFunction<WireReader, Short, T> reader;
    final CompletableFuture<T> future = new CompletableFuture<>();
    final long timeoutNanos;
    final Kind kind;
    /** The version to send, or -1 to use the negotiated one. */
    final short fixedVersion;

    short version;
    int correlationId;
    long sentNanos;
    ScheduledFuture<?> timer;

    PendingRequest(ApiKey api, ApiMessage body, BiFunction<WireReader, Short, T> reader, long timeoutNanos,
            Kind kind, short fixedVersion) {
        this.api = api;
        this.body = body;
        this.reader = reader;
        this.timeoutNanos = timeoutNanos;
        this.kind = kind;
        this.fixedVersion = fixedVersion;
    }

    boolean expectsResponse() {
        return reader != null;
    }

    /** Decodes the response body and completes the future. */
    void complete(WireReader in) {
        future.complete(reader.apply(in, version));
    }

    /** Completes a request that expects no response. */
    void completeWritten() {
        future.complete(null);
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public String toString() {
        return api.displayName() + " v" + version + " (correlation id " + correlationId + ")";
    }
}

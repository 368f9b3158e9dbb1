package io.mq.client.internal;

import io.mq.protocol.ApiKey;
import io.mq.protocol.message.MetadataRequest;
import io.mq.protocol.message.MetadataResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Small helpers shared by the client network tests. */
final class ClientTestSupport {

    /** The longest any test waits for one thing to happen. */
    static final Duration WAIT = Duration.ofSeconds(15);

    /** A Metadata request that asks for brokers only. */
    static final MetadataRequest BROKERS_ONLY = new MetadataRequest(List.of(), false, false, false);

    private ClientTestSupport() {
    }

    /** Sends a brokers-only Metadata request through {@code pool}. */
    static CompletableFuture<MetadataResponse> metadata(ConnectionPool pool, io.mq.metadata.Node node) {
        return pool.send(node, ApiKey.METADATA, BROKERS_ONLY, MetadataResponse::read);
    }

    /** The value of {@code future}, waiting at most {@link #WAIT}. */
    static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Polls {@code condition} until it holds, failing after {@link #WAIT}. */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}

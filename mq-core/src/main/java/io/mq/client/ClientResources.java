package io.mq.client;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsServerAddressStreamProviders;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads every mq client runs on: one Netty NIO {@link EventLoopGroup} whose loops carry the connections' I/O
 * and, through their schedulers, every timer (request timeouts, heartbeats, idle reclaim, reconnect backoff, metadata
 * refresh). There is no other timer thread. Many producers and admin clients share one instance, so the number of
 * threads does not grow with the number of clients.
 *
 * <pre>{@code
 * try (ClientResources resources = ClientResources.builder().ioThreads(2).build()) {
 *     // hand `resources` to every client; close the clients first, then the resources
 * }
 * }</pre>
 *
 * <p>Whoever creates an instance owns it and shuts it down. {@link #shared()} is a process-wide instance with daemon
 * threads for clients that are given none; it is never shut down, so its {@link #close()} does nothing.
 */
public final class ClientResources implements AutoCloseable {

    /** Event-loop threads by default: one per available processor. */
    public static final int DEFAULT_IO_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** How long shutdown waits for tasks to stop arriving before stopping the loops. */
    public static final Duration DEFAULT_SHUTDOWN_QUIET_PERIOD = Duration.ZERO;
    /** The longest shutdown waits for the loops to stop. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final int ioThreads;
    private final Duration shutdownQuietPeriod;
    private final Duration shutdownTimeout;
    private final boolean shared;
    private final EventLoopGroup eventLoopGroup;
    private final AddressResolverGroup<InetSocketAddress> addressResolver;
    private final AtomicBoolean shutdown = new AtomicBoolean();

    private ClientResources(Builder builder, boolean shared) {
        this.ioThreads = builder.ioThreads;
        this.shutdownQuietPeriod = builder.shutdownQuietPeriod;
        this.shutdownTimeout = builder.shutdownTimeout;
        this.shared = shared;
        String prefix = shared ? "mq-client-shared" : "mq-client-" + INSTANCES.incrementAndGet();
        this.eventLoopGroup = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory(prefix, true));
        this.addressResolver = new DnsAddressResolverGroup(NioDatagramChannel.class,
                DnsServerAddressStreamProviders.platformDefault());
    }

    /** New resources with the default settings; the caller owns them and shuts them down. */
    public static ClientResources create() {
        return builder().build();
    }

    /** A builder with every setting at its {@code DEFAULT_*} value. */
    public static Builder builder() {
        return new Builder();
    }

    /** The process-wide resources (created on first use, daemon threads, never shut down). */
    public static ClientResources shared() {
        return SharedHolder.INSTANCE;
    }

    /** The event loops running connections and timers. */
    public EventLoopGroup eventLoopGroup() {
        return eventLoopGroup;
    }

    /** Resolves broker host names asynchronously (hosts file first, then DNS), never blocking an event loop. */
    public AddressResolverGroup<InetSocketAddress> addressResolver() {
        return addressResolver;
    }

    /** The number of event-loop threads. */
    public int ioThreads() {
        return ioThreads;
    }

    /** Whether {@link #shutdown()} was called. */
    public boolean isShutdown() {
        return shutdown.get();
    }

    /**
     * Stops the event loops after the quiet period; completes when they have stopped. Close the clients using these
     * resources first: their connections close with the loops. Idempotent; does nothing on {@link #shared()}.
     */
    public CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (shared) {
            done.complete(null);
            return done;
        }
        shutdown.set(true);
        addressResolver.close();
        eventLoopGroup.shutdownGracefully(shutdownQuietPeriod.toMillis(), shutdownTimeout.toMillis(),
                TimeUnit.MILLISECONDS).addListener(f -> {
                    if (f.isSuccess()) {
                        done.complete(null);
                    } else {
                        done.completeExceptionally(f.cause());
                    }
                });
        return done;
    }

    /**
     * {@link #shutdown()} and wait for it, at most the shutdown timeout plus the quiet period. Must not be called on
     * one of these resources' own threads.
     */
    @Override
    public void close() {
        for (EventExecutor loop : eventLoopGroup) {
            if (loop.inEventLoop()) {
                throw new IllegalStateException("ClientResources cannot be closed from one of their own threads");
            }
        }
        shutdown().orTimeout(shutdownQuietPeriod.plus(shutdownTimeout).toMillis() + 1_000, TimeUnit.MILLISECONDS)
                .exceptionally(e -> null).join();
    }

    @Override
    public String toString() {
        return "ClientResources[ioThreads=" + ioThreads + (shared ? ", shared" : "") + "]";
    }

    private static final class SharedHolder {
        static final ClientResources INSTANCE = new ClientResources(new Builder(), true);
    }

    /** Builds {@link ClientResources}; every setting starts at its {@code DEFAULT_*} value. */
    public static final class Builder {
        private int ioThreads = DEFAULT_IO_THREADS;
        private Duration shutdownQuietPeriod = DEFAULT_SHUTDOWN_QUIET_PERIOD;
        private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

        private Builder() {
        }

        /** Event-loop threads, at least 1. */
        public Builder ioThreads(int ioThreads) {
            this.ioThreads = ioThreads;
            return this;
        }

        /** How long {@link ClientResources#shutdown()} waits for tasks to stop arriving; zero or more. */
        public Builder shutdownQuietPeriod(Duration shutdownQuietPeriod) {
            this.shutdownQuietPeriod = shutdownQuietPeriod;
            return this;
        }

        /** The longest {@link ClientResources#shutdown()} waits for the loops to stop; positive. */
        public Builder shutdownTimeout(Duration shutdownTimeout) {
            this.shutdownTimeout = shutdownTimeout;
            return this;
        }

        /** Validates the settings and starts nothing yet: loop threads start when first used. */
        public ClientResources build() {
            if (ioThreads < 1) {
                throw new MqConfigurationException("ioThreads must be >= 1, was " + ioThreads);
            }
            if (shutdownQuietPeriod == null || shutdownQuietPeriod.isNegative()) {
                throw new MqConfigurationException("shutdownQuietPeriod must be zero or positive, was "
                        + shutdownQuietPeriod);
            }
            if (shutdownTimeout == null || shutdownTimeout.isNegative() || shutdownTimeout.isZero()) {
                throw new MqConfigurationException("shutdownTimeout must be positive, was " + shutdownTimeout);
            }
            if (shutdownTimeout.compareTo(shutdownQuietPeriod) < 0) {
                throw new MqConfigurationException("shutdownTimeout (" + shutdownTimeout
                        + ") must not be shorter than shutdownQuietPeriod (" + shutdownQuietPeriod + ")");
            }
            return new ClientResources(this, false);
        }
    }
}

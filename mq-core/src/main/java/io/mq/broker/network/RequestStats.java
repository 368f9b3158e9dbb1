package io.mq.broker.network;

import io.mq.protocol.ApiKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests the broker has answered, per api: how many and how long each took from decoding to its response being
 * ready (queueing behind earlier responses of the same connection excluded). Plain counters for a metrics library to
 * read; recording is two uncontended adds and a max, so it runs on the event loop. {@link RequestListener}s are told
 * of each request as well, e.g. to feed a latency histogram.
 */
public final class RequestStats {

    private static final Logger log = LoggerFactory.getLogger(RequestStats.class);
    private static final RequestListener[] NO_LISTENERS = {};

    private final ApiStats[] byApi = new ApiStats[ApiKey.values().length];
    private final Set<ApiKey> apis;
    /** Copied on write: read on every request without a lock or an iterator. */
    private volatile RequestListener[] listeners = NO_LISTENERS;

    /** Tracks the given apis; requests of any other api are not counted. */
    public RequestStats(Collection<ApiKey> apis) {
        Set<ApiKey> tracked = apis.isEmpty() ? EnumSet.noneOf(ApiKey.class) : EnumSet.copyOf(apis);
        for (ApiKey api : tracked) {
            byApi[api.ordinal()] = new ApiStats();
        }
        this.apis = Collections.unmodifiableSet(tracked);
    }

    /** The tracked apis. */
    public Set<ApiKey> apis() {
        return apis;
    }

    /**
     * The counters of {@code api}.
     *
     * @throws IllegalArgumentException if {@code api} is not tracked
     */
    public ApiStats of(ApiKey api) {
        ApiStats stats = byApi[api.ordinal()];
        if (stats == null) {
            throw new IllegalArgumentException(api.displayName() + " is not served by this broker");
        }
        return stats;
    }

    /** Tells {@code listener} of every request of a tracked api handled from now on. */
    public synchronized void addListener(RequestListener listener) {
        Objects.requireNonNull(listener, "listener");
        RequestListener[] more = Arrays.copyOf(listeners, listeners.length + 1);
        more[more.length - 1] = listener;
        listeners = more;
    }

    /** Stops telling {@code listener}; nothing if it was not added. */
    public synchronized void removeListener(RequestListener listener) {
        listeners = Arrays.stream(listeners).filter(l -> l != listener).toArray(RequestListener[]::new);
    }

    /** A request of {@code api} took {@code nanos}; ignored for apis not tracked. */
    void record(ApiKey api, long nanos) {
        ApiStats stats = byApi[api.ordinal()];
        if (stats == null) {
            return;
        }
        stats.record(nanos);
        for (RequestListener listener : listeners) {
            try {
                listener.handled(api, nanos);
            } catch (RuntimeException e) {
                log.warn("A request listener threw; the request was answered as usual", e);
            }
        }
    }

    /**
     * Told of each request of a tracked api once its response is ready, on the broker thread that completed it (an
     * event loop, or the coordinator's or controller's thread): it must be quick and must never block.
     */
    @FunctionalInterface
    public interface RequestListener {

        /** A request of {@code api} took {@code nanos} from decoding to its response being ready. */
        void handled(ApiKey api, long nanos);
    }

    /** Counters of one api. Thread-safe; values are live. */
    public static final class ApiStats {

        private final LongAdder count = new LongAdder();
        private final LongAdder totalNanos = new LongAdder();
        private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

        private ApiStats() {
        }

        private void record(long nanos) {
            count.increment();
            totalNanos.add(nanos);
            maxNanos.accumulate(nanos);
        }

        /** Requests handled. */
        public long count() {
            return count.sum();
        }

        /** Sum of their handling times, in nanoseconds. */
        public long totalNanos() {
            return totalNanos.sum();
        }

        /** The longest handling time since the broker started, in nanoseconds; 0 if none. */
        public long maxNanos() {
            return maxNanos.get();
        }
    }
}

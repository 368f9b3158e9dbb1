package io.mq.spring.actuate;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.mq.broker.EmbeddedBroker;
import io.mq.broker.network.RequestStats;
import io.mq.broker.storage.StorageStats;
import io.mq.protocol.ApiKey;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds an {@link EmbeddedBroker}'s statistics to a {@link MeterRegistry}, every meter tagged with {@code broker.id}:
 * <ul>
 * <li>{@code mq.broker.requests}: a timer per served api (tag {@code api}, e.g. {@code Produce}) of the requests
 * answered since binding and their handling time, with a percentile histogram (Prometheus {@code _bucket} series, so
 * dashboards can show p99 per api);</li>
 * <li>storage: {@code mq.broker.storage.size} (bytes in the commit-log segments), {@code mq.broker.segments},
 * {@code mq.broker.partitions}, the counters {@code mq.broker.appended.bytes} and
 * {@code mq.broker.appended.records}, {@code mq.broker.flushes} and the gauge {@code mq.broker.flush.latency}
 * (duration of the latest fsync).</li>
 * </ul>
 * Storage values are read from the broker on each scrape; once the broker is closed they read NaN. Request timings
 * are fed by the broker as each request is answered.
 */
public final class MqEmbeddedBrokerMetrics implements MeterBinder {

    /** The tag naming the broker. */
    public static final String BROKER_ID_TAG = "broker.id";

    /** Histogram range of request handling times: from 10 µs to a Fetch long poll's 30 s. */
    private static final Duration MIN_EXPECTED_REQUEST = Duration.ofNanos(10_000);
    private static final Duration MAX_EXPECTED_REQUEST = Duration.ofSeconds(30);

    private final EmbeddedBroker broker;
    private final Tags tags;

    /** Meters for {@code broker}, tagged with its broker id. */
    public MqEmbeddedBrokerMetrics(EmbeddedBroker broker) {
        this(broker, Tags.empty());
    }

    /** Meters for {@code broker}, tagged with its broker id and {@code extraTags}. */
    public MqEmbeddedBrokerMetrics(EmbeddedBroker broker, Iterable<Tag> extraTags) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.tags = Tags.of(BROKER_ID_TAG, String.valueOf(broker.config().brokerId())).and(extraTags);
    }

    /** Binds the meters; the broker must be running (its request statistics exist only then). */
    @Override
    public void bindTo(MeterRegistry registry) {
        RequestStats requests = broker.requestStats();
        Timer[] timers = new Timer[ApiKey.values().length];
        for (ApiKey api : requests.apis()) {
            timers[api.ordinal()] = Timer.builder("mq.broker.requests").tags(tags).tag("api", api.displayName())
                    .description("Requests answered by the embedded broker and their handling time")
                    .publishPercentileHistogram().minimumExpectedValue(MIN_EXPECTED_REQUEST)
                    .maximumExpectedValue(MAX_EXPECTED_REQUEST).register(registry);
        }
        requests.addListener((api, nanos) -> timers[api.ordinal()].record(nanos, TimeUnit.NANOSECONDS));
        gauge(registry, "mq.broker.storage.size", StorageStats::totalBytes, BaseUnits.BYTES,
                "Bytes in the commit-log segment files");
        gauge(registry, "mq.broker.segments", StorageStats::segmentCount, null, "Commit-log segment files");
        gauge(registry, "mq.broker.partitions", StorageStats::partitionCount, null, "Live partitions");
        counter(registry, "mq.broker.appended.bytes", StorageStats::appendedBytes, BaseUnits.BYTES,
                "Record-batch bytes appended to the commit log");
        counter(registry, "mq.broker.appended.records", StorageStats::appendedRecords, null,
                "Records appended to the commit log");
        counter(registry, "mq.broker.flushes", StorageStats::flushCount, null,
                "Forced writes (fsync) of the commit log by the flush thread");
        TimeGauge.builder("mq.broker.flush.latency", broker, TimeUnit.NANOSECONDS,
                        b -> read(b, StorageStats::lastFlushLatencyNanos)).tags(tags)
                .description("Duration of the latest fsync of the commit log").register(registry);
    }

    private void gauge(MeterRegistry registry, String name, ToDoubleFunction<StorageStats> value, String unit,
            String description) {
        Gauge.builder(name, broker, b -> read(b, value)).tags(tags).baseUnit(unit).description(description)
                .register(registry);
    }

    private void counter(MeterRegistry registry, String name, ToDoubleFunction<StorageStats> value, String unit,
            String description) {
        FunctionCounter.builder(name, broker, b -> read(b, value)).tags(tags).baseUnit(unit)
                .description(description).register(registry);
    }

    /**
     * A storage statistic, or NaN when the broker is not running. Meters hold the broker (which its owner keeps), not
     * this binder: Micrometer references a meter's object weakly, and a binder nobody keeps would be collected.
     */
    private static double read(EmbeddedBroker broker, ToDoubleFunction<StorageStats> value) {
        if (broker.state() != EmbeddedBroker.State.RUNNING) {
            return Double.NaN;
        }
        try {
            return value.applyAsDouble(broker.storageStats());
        } catch (IllegalStateException closedMeanwhile) {
            return Double.NaN;
        }
    }
}

package io.mq.spring.actuate;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.mq.producer.MqProducer;
import io.mq.producer.ProducerMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Binds one {@link MqProducer}'s metrics to a {@link MeterRegistry}, every meter tagged with {@code client.id}:
 * <ul>
 * <li>counters read from the engine: {@code mq.producer.records.sent}, {@code mq.producer.bytes.sent},
 * {@code mq.producer.record.errors} (one per error code, tag {@code error}, added as codes appear),
 * {@code mq.producer.retries}, {@code mq.producer.records.dead.lettered};</li>
 * <li>distributions fed with every measurement from the moment of binding: {@code mq.producer.batch.size} (bytes),
 * {@code mq.producer.records.per.batch}, {@code mq.producer.record.queue.time} and {@code mq.producer.request.latency}
 * (timers; request latency publishes a percentile histogram);</li>
 * <li>gauges: {@code mq.producer.buffer.available}, {@code mq.producer.buffer.total} (bytes),
 * {@code mq.producer.requests.in.flight}, {@code mq.producer.connections}, {@code mq.producer.metadata.age}.</li>
 * </ul>
 * {@link #close()} stops feeding the distributions and removes the meters from the registries it was bound to.
 */
public final class MqProducerMetrics implements MeterBinder, AutoCloseable {

    /** The tag naming the producer. */
    public static final String CLIENT_ID_TAG = "client.id";

    private static final Duration LATENCY_HISTOGRAM_MIN = Duration.ofNanos(100_000);
    private static final Duration LATENCY_HISTOGRAM_MAX = Duration.ofSeconds(30);

    private final MqProducer producer;
    private final Tags tags;
    private final List<Binding> bindings = new CopyOnWriteArrayList<>();

    /** Meters for {@code producer}, tagged with its client id. */
    public MqProducerMetrics(MqProducer producer) {
        this(producer, Tags.empty());
    }

    /** Meters for {@code producer}, tagged with its client id and {@code extraTags}. */
    public MqProducerMetrics(MqProducer producer, Iterable<Tag> extraTags) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.tags = Tags.of(CLIENT_ID_TAG, producer.clientId()).and(extraTags);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Binding binding = new Binding(registry);
        binding.bind();
        bindings.add(binding);
    }

    /** Stops feeding the distributions and removes every meter this binder registered. */
    @Override
    public void close() {
        for (Binding binding : bindings) {
            binding.close();
        }
        bindings.clear();
    }

    /** The meters of one registry, and the listener that feeds its distributions. */
    private final class Binding implements ProducerMetrics.Listener {

        private final MeterRegistry registry;
        private final ProducerMetrics metrics = producer.metrics();
        private final List<Meter> meters = new CopyOnWriteArrayList<>();
        private final Map<String, FunctionCounter> errorCounters = new ConcurrentHashMap<>();
        private DistributionSummary batchSize;
        private DistributionSummary recordsPerBatch;
        private Timer queueTime;
        private Timer requestLatency;
        private volatile boolean closed;

        Binding(MeterRegistry registry) {
            this.registry = registry;
        }

        void bind() {
            counter("mq.producer.records.sent", ProducerMetrics::recordsSent, null,
                    "Records acknowledged by a broker (or sent, with acks=0)");
            counter("mq.producer.bytes.sent", ProducerMetrics::bytesSent, null,
                    "Bytes of record batches acknowledged (or sent, with acks=0), as sent on the wire");
            counter("mq.producer.retries", ProducerMetrics::retries, null,
                    "Batches sent again after a retriable failure");
            counter("mq.producer.records.dead.lettered", ProducerMetrics::recordsDeadLettered, null,
                    "Records that failed for good and were forwarded to the dead-letter topic");
            metrics.recordErrorsByCode().keySet().forEach(this::errorCounter);

            batchSize = add(DistributionSummary.builder("mq.producer.batch.size").tags(tags)
                    .baseUnit(BaseUnits.BYTES).description("Size of each batch when first sent").register(registry));
            recordsPerBatch = add(DistributionSummary.builder("mq.producer.records.per.batch").tags(tags)
                    .description("Records in each batch when first sent").register(registry));
            queueTime = add(Timer.builder("mq.producer.record.queue.time").tags(tags)
                    .description("Time from a batch's creation to its first send").register(registry));
            requestLatency = add(Timer.builder("mq.producer.request.latency").tags(tags)
                    .description("Time from writing a produce request to its response")
                    .publishPercentileHistogram().minimumExpectedValue(LATENCY_HISTOGRAM_MIN)
                    .maximumExpectedValue(LATENCY_HISTOGRAM_MAX).register(registry));

            gauge("mq.producer.buffer.available", m -> m.bufferAvailableBytes(), BaseUnits.BYTES,
                    "Buffer memory free for new batches");
            gauge("mq.producer.buffer.total", m -> m.bufferTotalBytes(), BaseUnits.BYTES, "Total buffer memory");
            gauge("mq.producer.requests.in.flight", m -> m.inFlightRequests(), null,
                    "Produce requests written and not yet answered");
            gauge("mq.producer.connections", m -> m.connections(), null, "Open broker connections");
            add(TimeGauge.builder("mq.producer.metadata.age", metrics, TimeUnit.MILLISECONDS,
                    m -> m.metadataAgeMillis() < 0 ? Double.NaN : m.metadataAgeMillis()).tags(tags)
                    .description("Time since metadata was last refreshed").register(registry));

            metrics.addListener(this);
        }

        @Override
        public void onBatchSent(int bytes, int records, long queueTimeNanos) {
            batchSize.record(bytes);
            recordsPerBatch.record(records);
            queueTime.record(queueTimeNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void onRequestLatency(long nanos) {
            requestLatency.record(nanos, TimeUnit.NANOSECONDS);
        }

        /** A new error code gets its counter here, once (a registration on the engine thread, then a map lookup). */
        @Override
        public void onRecordErrors(String code, int records) {
            if (!closed && !errorCounters.containsKey(code)) {
                errorCounter(code);
            }
        }

        private void errorCounter(String code) {
            errorCounters.computeIfAbsent(code, c -> add(FunctionCounter.builder("mq.producer.record.errors", metrics,
                    m -> m.recordErrorsByCode().getOrDefault(c, 0L)).tags(tags).tag("error", c)
                    .description("Records whose send failed for good, by error code").register(registry)));
        }

        private void counter(String name, ToDoubleFunction<ProducerMetrics> value, String unit,
                String description) {
            add(FunctionCounter.builder(name, metrics, value).tags(tags).baseUnit(unit).description(description)
                    .register(registry));
        }

        private void gauge(String name, ToDoubleFunction<ProducerMetrics> value, String unit,
                String description) {
            add(Gauge.builder(name, metrics, value).tags(tags).baseUnit(unit).description(description)
                    .register(registry));
        }

        private <M extends Meter> M add(M meter) {
            meters.add(meter);
            return meter;
        }

        void close() {
            closed = true;
            metrics.removeListener(this);
            meters.forEach(registry::remove);
            meters.clear();
        }
    }
}

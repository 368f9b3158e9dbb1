package io.mq.benchmarks.cases;

import io.mq.benchmarks.measure.Measurement;
import io.mq.benchmarks.measure.Metric;
import io.mq.benchmarks.measure.ProbeSample;
import io.mq.benchmarks.measure.Summary;
import io.mq.benchmarks.process.BrokerLauncher;
import io.mq.benchmarks.process.BrokerUnderTest;
import io.mq.benchmarks.process.KafkaBrokerProcess;
import io.mq.benchmarks.process.MqBrokerProcess;
import io.mq.benchmarks.report.CaseResult;
import io.mq.benchmarks.report.CaseResult.MetricGoal;
import io.mq.benchmarks.report.Goal;
import io.mq.broker.storage.FlushMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Startup: a broker JVM is launched and, at once, a kafka-clients producer in the harness starts trying to send one
 * record to a topic the broker does not have yet (auto-created); the time runs from the broker JVM's launch to that
 * record's acknowledgement. Then the broker's probe gives its heap in use (no GC forced), resident memory and
 * threads. A fresh broker per run. Apache Kafka's storage format, a separate JVM run before launch, is excluded
 * (noted with its duration).
 */
final class StartupCase implements BenchmarkCase {

    private static final String TOPIC = "startup";
    private static final int RETRY_MS = 20;
    private static final long ACK_TIMEOUT_SECONDS = 90;
    private static final long SAMPLE_WAIT_MS = 2_000;

    @Override
    public String id() {
        return "startup";
    }

    @Override
    public String title() {
        return "startup: broker JVM launch → first acknowledged record (auto-created topic), then heap";
    }

    @Override
    public CaseResult run(CaseContext context) throws Exception {
        BrokerLauncher ours = MqBrokerProcess.launcher(FlushMode.ASYNC);
        BrokerLauncher theirs = KafkaBrokerProcess.launcher();
        List<Double> formatMillis = new ArrayList<>();
        SideBySide.Runs runs = SideBySide.run(context, side(ours, null), side(theirs, formatMillis));
        if (!formatMillis.isEmpty()) {
            context.note(String.format(Locale.ROOT, "Apache Kafka's storage format before launch (excluded above) "
                    + "took %.0f ms (median)", Summary.of(formatMillis).median()));
        }
        return new CaseResult(id(), title(), ours.name(), theirs.name(), runs.ours(), runs.theirs(), List.of(
                new MetricGoal(Metric.STARTUP_MS, Goal.ratioAtMost(0.1)),
                new MetricGoal(Metric.HEAP_AFTER_START_MIB, Goal.oursAtMost(64)),
                MetricGoal.of(Metric.RSS_AFTER_START_MIB),
                MetricGoal.of(Metric.THREADS_AFTER_START)), context.notes(), Optional.empty());
    }

    private static Side side(BrokerLauncher launcher, List<Double> formatMillis) {
        return Side.of(launcher.name(), (name, warmUp) -> {
            long launchCall = System.nanoTime();
            try (BrokerUnderTest broker = launcher.launch()) {
                if (formatMillis != null && !warmUp) {
                    formatMillis.add((broker.processStartNanos() - launchCall) / 1e6);
                }
                try (KafkaProducer<byte[], byte[]> producer = producer(broker.bootstrapServers())) {
                    producer.send(new ProducerRecord<>(TOPIC, new byte[100])).get(ACK_TIMEOUT_SECONDS,
                            TimeUnit.SECONDS);
                }
                long acked = System.nanoTime();
                long ackedWallMillis = System.currentTimeMillis();
                ProbeSample sample = sampleAfter(broker, ackedWallMillis);
                return Measurement.builder()
                        .put(Metric.STARTUP_MS, (acked - broker.processStartNanos()) / 1e6)
                        .put(Metric.HEAP_AFTER_START_MIB, sample.heapUsedBytes() / 1048576.0)
                        .put(Metric.RSS_AFTER_START_MIB, sample.residentBytes() / 1048576.0)
                        .put(Metric.THREADS_AFTER_START, sample.threads())
                        .build();
            }
        });
    }

    /** A producer that retries quickly while the broker is not up yet, so it acknowledges soon after it is. */
    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, RETRY_MS);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, RETRY_MS);
        props.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, RETRY_MS);
        props.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, RETRY_MS);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(ACK_TIMEOUT_SECONDS));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(ACK_TIMEOUT_SECONDS));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }

    private static ProbeSample sampleAfter(BrokerUnderTest broker, long wallMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SAMPLE_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            Optional<ProbeSample> latest = broker.probe().latest();
            if (latest.isPresent() && latest.get().epochMillis() >= wallMillis) {
                return latest.get();
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(broker.name() + " wrote no probe sample after its first acknowledgement");
    }
}

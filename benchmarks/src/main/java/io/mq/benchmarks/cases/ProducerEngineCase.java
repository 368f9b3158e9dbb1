package io.mq.benchmarks.cases;

import io.mq.benchmarks.measure.Measurement;
import io.mq.benchmarks.measure.Metric;
import io.mq.benchmarks.process.BrokerLauncher;
import io.mq.benchmarks.process.BrokerUnderTest;
import io.mq.benchmarks.producer.ProducerEngine;
import io.mq.benchmarks.producer.ProducerEngines;
import io.mq.benchmarks.producer.ProducerSettings;
import io.mq.benchmarks.report.CaseResult;
import io.mq.benchmarks.report.CaseResult.MetricGoal;
import io.mq.benchmarks.report.Goal;
import io.mq.benchmarks.worker.WorkerResult;
import io.mq.benchmarks.worker.WorkloadSpec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Producer engines: our {@code MqProducer} against kafka-clients' {@code KafkaProducer}, each in its own worker JVM,
 * against one broker (ours or Apache Kafka, started once for the case). The process under test is the producer's
 * worker JVM. While {@link ProducerEngines#MQ} is unavailable only the kafka-clients side runs.
 */
final class ProducerEngineCase implements BenchmarkCase {

    /** The producer workloads of the issue. */
    enum Workload {
        THROUGHPUT_100B_ACKS1("100b-acks1"),
        THROUGHPUT_100B_ACKSALL("100b-acksall-idempotent"),
        THROUGHPUT_1K_ACKS1("1k-acks1"),
        FIXED_RATE_LATENCY("latency-20k-per-s"),
        SYNC_SENDS("sync-sends");

        private final String suffix;

        Workload(String suffix) {
            this.suffix = suffix;
        }
    }

    private static final ProducerSettings LATENCY_SETTINGS = ProducerSettings.acksOne().withLinger(Duration.ZERO);
    /**
     * Synchronous sends keep the throughput cases' linger (5 ms, also kafka-clients 4.x's default): the goal
     * is that our {@code sendSync} skips it while kafka-clients' {@code send().get()} waits it out.
     */
    private static final ProducerSettings SYNC_SETTINGS = ProducerSettings.acksOne();

    private final BrokerLauncher broker;
    private final String brokerKey;
    private final Workload workload;

    ProducerEngineCase(BrokerLauncher broker, String brokerKey, Workload workload) {
        this.broker = broker;
        this.brokerKey = brokerKey;
        this.workload = workload;
    }

    @Override
    public String id() {
        return "producer." + brokerKey + "." + workload.suffix;
    }

    @Override
    public String title() {
        String what = switch (workload) {
            case THROUGHPUT_100B_ACKS1 -> String.format("%,d × %d B, %s", Sizes.SMALL_RECORDS, Sizes.SMALL_SIZE,
                    ProducerSettings.acksOne().describe());
            case THROUGHPUT_100B_ACKSALL -> String.format("%,d × %d B, %s", Sizes.SMALL_RECORDS, Sizes.SMALL_SIZE,
                    ProducerSettings.acksAllIdempotent().describe());
            case THROUGHPUT_1K_ACKS1 -> String.format("%,d × %d B, %s", Sizes.LARGE_RECORDS, Sizes.LARGE_SIZE,
                    ProducerSettings.acksOne().describe());
            case FIXED_RATE_LATENCY -> String.format("%,d × %d B at %,d records/s, %s: send → ack latency",
                    Sizes.LATENCY_RECORDS, Sizes.SMALL_SIZE, Sizes.LATENCY_RATE, LATENCY_SETTINGS.describe());
            case SYNC_SENDS -> String.format("one synchronous send at a time for %d s (mq sendSync, kafka-clients "
                    + "send().get()), %d B, %s", Sizes.SYNC_DURATION.toSeconds(), Sizes.SMALL_SIZE,
                    SYNC_SETTINGS.describe());
        };
        return "producers on " + broker.name() + ": " + what;
    }

    @Override
    public CaseResult run(CaseContext context) throws Exception {
        try (Brokers brokers = Brokers.start(context, broker)) {
            BrokerUnderTest target = brokers.get(0);
            SideBySide.Runs runs = SideBySide.run(context, side(context, ProducerEngines.MQ, target),
                    side(context, ProducerEngines.KAFKA_CLIENTS, target));
            return new CaseResult(id(), title(), ProducerEngines.MQ.name(), ProducerEngines.KAFKA_CLIENTS.name(),
                    runs.ours(), runs.theirs(), metrics(), context.notes(), Optional.empty());
        }
    }

    private List<MetricGoal> metrics() {
        return switch (workload) {
            case THROUGHPUT_100B_ACKS1, THROUGHPUT_100B_ACKSALL -> MetricGoal.throughput(Goal.ratioAtLeast(1.3), Goal.ratioAtMost(1.0));
            case THROUGHPUT_1K_ACKS1 -> MetricGoal.throughput(Goal.none(), Goal.none());
            case FIXED_RATE_LATENCY -> List.of(
                    MetricGoal.of(Metric.P50_MS),
                    new MetricGoal(Metric.P99_MS, Goal.ratioAtMost(1.0)),
                    MetricGoal.of(Metric.P999_MS),
                    MetricGoal.of(Metric.CPU_SECONDS),
                    MetricGoal.of(Metric.PEAK_HEAP_MIB),
                    MetricGoal.of(Metric.THREADS));
            case SYNC_SENDS -> List.of(
                    MetricGoal.of(Metric.SENDS_PER_SEC),
                    new MetricGoal(Metric.P50_MS, Goal.ratioAtMost(0.5)),
                    new MetricGoal(Metric.P99_MS, Goal.ratioAtMost(0.5)),
                    MetricGoal.of(Metric.CPU_SECONDS),
                    MetricGoal.of(Metric.PEAK_HEAP_MIB),
                    MetricGoal.of(Metric.THREADS));
        };
    }

    private Side side(CaseContext context, ProducerEngine engine, BrokerUnderTest target) {
        return new Side(engine.name(), engine.unavailableReason(), (name, warmUp) -> {
            String topic = "producer-" + engine.name() + "-" + name;
            Topics.create(target.bootstrapServers(), topic);
            WorkerResult result = context.runWorker(spec(context, engine, target, topic, warmUp));
            Measurement.Builder measurement = Measurement.builder()
                    .usage(BrokerUsage.ofWorker(result), result.records());
            switch (workload) {
                case THROUGHPUT_100B_ACKS1, THROUGHPUT_100B_ACKSALL, THROUGHPUT_1K_ACKS1 ->
                        measurement.throughput(result.records(), result.payloadBytes(), result.elapsedNanos());
                case FIXED_RATE_LATENCY -> measurement
                        .put(Metric.P50_MS, result.p50Nanos() / 1e6)
                        .put(Metric.P99_MS, result.p99Nanos() / 1e6)
                        .put(Metric.P999_MS, result.p999Nanos() / 1e6);
                case SYNC_SENDS -> measurement
                        .put(Metric.SENDS_PER_SEC, result.records() / (result.elapsedNanos() / 1e9))
                        .put(Metric.P50_MS, result.p50Nanos() / 1e6)
                        .put(Metric.P99_MS, result.p99Nanos() / 1e6);
            }
            return measurement.build();
        });
    }

    private WorkloadSpec spec(CaseContext context, ProducerEngine engine, BrokerUnderTest target, String topic,
            boolean warmUp) {
        String bootstrap = target.bootstrapServers();
        return switch (workload) {
            case THROUGHPUT_100B_ACKS1, THROUGHPUT_100B_ACKSALL -> {
                long records = Sizes.warmupRun(context.scaled(Sizes.SMALL_RECORDS), warmUp);
                ProducerSettings settings = workload == Workload.THROUGHPUT_100B_ACKS1
                        ? ProducerSettings.acksOne() : ProducerSettings.acksAllIdempotent();
                yield new WorkloadSpec(WorkloadSpec.Kind.PRODUCE, engine.name(), bootstrap, topic, records,
                        Sizes.SMALL_SIZE, settings, 1, 0, Sizes.PHASE_BOUND, Sizes.inWorkerWarmup(records));
            }
            case THROUGHPUT_1K_ACKS1 -> {
                long records = Sizes.warmupRun(context.scaled(Sizes.LARGE_RECORDS), warmUp);
                yield new WorkloadSpec(WorkloadSpec.Kind.PRODUCE, engine.name(), bootstrap, topic, records,
                        Sizes.LARGE_SIZE, ProducerSettings.acksOne(), 1, 0, Sizes.PHASE_BOUND,
                        Sizes.inWorkerWarmup(records));
            }
            case FIXED_RATE_LATENCY -> {
                long records = Sizes.warmupRun(context.scaled(Sizes.LATENCY_RECORDS), warmUp);
                yield new WorkloadSpec(WorkloadSpec.Kind.FIXED_RATE, engine.name(), bootstrap, topic, records,
                        Sizes.SMALL_SIZE, LATENCY_SETTINGS, 1, Sizes.LATENCY_RATE, Sizes.PHASE_BOUND,
                        Sizes.inWorkerWarmup(records));
            }
            case SYNC_SENDS -> {
                Duration duration = context.scaled(Sizes.SYNC_DURATION);
                yield new WorkloadSpec(WorkloadSpec.Kind.SYNC_SENDS, engine.name(), bootstrap, topic,
                        Long.MAX_VALUE, Sizes.SMALL_SIZE, SYNC_SETTINGS, 1, 0,
                        warmUp ? duration.dividedBy(4) : duration, 1_000);
            }
        };
    }
}

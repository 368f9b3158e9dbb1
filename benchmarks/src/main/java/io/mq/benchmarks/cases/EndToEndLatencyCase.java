package io.mq.benchmarks.cases;

import io.mq.benchmarks.measure.Measurement;
import io.mq.benchmarks.measure.Metric;
import io.mq.benchmarks.process.BrokerLauncher;
import io.mq.benchmarks.process.BrokerUnderTest;
import io.mq.benchmarks.process.KafkaBrokerProcess;
import io.mq.benchmarks.process.MqBrokerProcess;
import io.mq.benchmarks.producer.KafkaClientsEngine;
import io.mq.benchmarks.producer.ProducerSettings;
import io.mq.benchmarks.report.CaseResult;
import io.mq.benchmarks.report.CaseResult.MetricGoal;
import io.mq.benchmarks.worker.WorkerResult;
import io.mq.benchmarks.worker.WorkloadSpec;
import io.mq.broker.storage.FlushMode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Brokers, end-to-end latency: a kafka-clients producer (acks=1, linger 0) sends 100,000 × 100 B at 20,000
 * records/s while a kafka-clients consumer in the same worker JVM polls; latency runs from each record's scheduled
 * send time to the poll that returned it.
 */
final class EndToEndLatencyCase implements BenchmarkCase {

    private static final ProducerSettings SETTINGS = ProducerSettings.acksOne().withLinger(Duration.ZERO);

    @Override
    public String id() {
        return "broker.e2e-latency";
    }

    @Override
    public String title() {
        return String.format("brokers: produce → poll latency, %,d × %d B at %,d records/s, %s",
                Sizes.LATENCY_RECORDS, Sizes.SMALL_SIZE, Sizes.LATENCY_RATE, SETTINGS.describe());
    }

    @Override
    public CaseResult run(CaseContext context) throws Exception {
        BrokerLauncher ours = MqBrokerProcess.launcher(FlushMode.ASYNC);
        BrokerLauncher theirs = KafkaBrokerProcess.launcher();
        try (Brokers brokers = Brokers.start(context, ours, theirs)) {
            SideBySide.Runs runs = SideBySide.run(context, side(context, brokers.get(0)),
                    side(context, brokers.get(1)));
            return new CaseResult(id(), title(), ours.name(), theirs.name(), runs.ours(), runs.theirs(), List.of(
                    MetricGoal.of(Metric.P50_MS),
                    MetricGoal.of(Metric.P99_MS),
                    MetricGoal.of(Metric.P999_MS),
                    MetricGoal.of(Metric.CPU_SECONDS),
                    MetricGoal.of(Metric.PEAK_HEAP_MIB),
                    MetricGoal.of(Metric.THREADS)), context.notes(), Optional.empty());
        }
    }

    private static Side side(CaseContext context, BrokerUnderTest broker) {
        return Side.of(broker.name(), (name, warmUp) -> {
            String topic = "e2e-" + name;
            Topics.create(broker.bootstrapServers(), topic);
            long records = Sizes.warmupRun(context.scaled(Sizes.LATENCY_RECORDS), warmUp);
            WorkerResult result = context.runWorker(new WorkloadSpec(WorkloadSpec.Kind.END_TO_END,
                    KafkaClientsEngine.NAME, broker.bootstrapServers(), topic, records, Sizes.SMALL_SIZE, SETTINGS,
                    1, Sizes.LATENCY_RATE, Sizes.PHASE_BOUND, Sizes.inWorkerWarmup(records)));
            return Measurement.builder()
                    .put(Metric.P50_MS, result.p50Nanos() / 1e6)
                    .put(Metric.P99_MS, result.p99Nanos() / 1e6)
                    .put(Metric.P999_MS, result.p999Nanos() / 1e6)
                    .usage(BrokerUsage.during(broker, result), result.records())
                    .build();
        });
    }
}

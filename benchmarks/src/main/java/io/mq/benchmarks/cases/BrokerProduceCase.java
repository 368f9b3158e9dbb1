package io.mq.benchmarks.cases;

import io.mq.benchmarks.measure.Measurement;
import io.mq.benchmarks.process.BrokerLauncher;
import io.mq.benchmarks.process.BrokerUnderTest;
import io.mq.benchmarks.process.KafkaBrokerProcess;
import io.mq.benchmarks.process.MqBrokerProcess;
import io.mq.benchmarks.producer.KafkaClientsEngine;
import io.mq.benchmarks.producer.ProducerSettings;
import io.mq.benchmarks.report.CaseResult;
import io.mq.benchmarks.report.CaseResult.MetricGoal;
import io.mq.benchmarks.report.Goal;
import io.mq.benchmarks.worker.WorkerResult;
import io.mq.benchmarks.worker.WorkloadSpec;
import io.mq.broker.storage.FlushMode;
import java.util.Optional;

/**
 * Brokers, produce: the same kafka-clients producer (in a worker JVM) sends to our broker (flush async, the default)
 * and to Apache Kafka. Each run writes a fresh topic; the process under test is the broker.
 */
final class BrokerProduceCase implements BenchmarkCase {

    private final String id;
    private final long records;
    private final int recordSize;
    private final ProducerSettings settings;
    private final Goal recordsGoal;

    BrokerProduceCase(String id, long records, int recordSize, ProducerSettings settings, Goal recordsGoal) {
        this.id = id;
        this.records = records;
        this.recordSize = recordSize;
        this.settings = settings;
        this.recordsGoal = recordsGoal;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return String.format("brokers: kafka-clients produces %,d × %d B, %s", records, recordSize,
                settings.describe());
    }

    @Override
    public CaseResult run(CaseContext context) throws Exception {
        BrokerLauncher ours = MqBrokerProcess.launcher(FlushMode.ASYNC);
        BrokerLauncher theirs = KafkaBrokerProcess.launcher();
        try (Brokers brokers = Brokers.start(context, ours, theirs)) {
            SideBySide.Runs runs = SideBySide.run(context, side(context, brokers.get(0)),
                    side(context, brokers.get(1)));
            return new CaseResult(id, title(), ours.name(), theirs.name(), runs.ours(), runs.theirs(),
                    MetricGoal.throughput(recordsGoal, Goal.none()), context.notes(), Optional.empty());
        }
    }

    private Side side(CaseContext context, BrokerUnderTest broker) {
        return Side.of(broker.name(), (name, warmUp) -> {
            String topic = "produce-" + name;
            Topics.create(broker.bootstrapServers(), topic);
            long count = Sizes.warmupRun(context.scaled(records), warmUp);
            WorkerResult result = context.runWorker(new WorkloadSpec(WorkloadSpec.Kind.PRODUCE,
                    KafkaClientsEngine.NAME, broker.bootstrapServers(), topic, count, recordSize, settings, 1, 0,
                    Sizes.PHASE_BOUND, Sizes.inWorkerWarmup(count)));
            return Measurement.builder()
                    .throughput(result.records(), result.payloadBytes(), result.elapsedNanos())
                    .usage(BrokerUsage.during(broker, result), result.records())
                    .build();
        });
    }
}

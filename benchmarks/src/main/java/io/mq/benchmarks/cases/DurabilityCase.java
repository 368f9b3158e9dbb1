package io.mq.benchmarks.cases;

import io.mq.benchmarks.measure.Measurement;
import io.mq.benchmarks.process.BrokerLauncher;
import io.mq.benchmarks.process.BrokerUnderTest;
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
 * Durability cost: our broker with flush {@code sync} (every acknowledged append fsynced, group commit) against
 * flush {@code async}, with 1, 4 or 16 concurrent kafka-clients producers (acks=all, idempotent) in one worker JVM
 * sharing 1,000,000 × 100 B. "Ours" is sync, "theirs" async.
 */
final class DurabilityCase implements BenchmarkCase {

    private static final ProducerSettings SETTINGS = ProducerSettings.acksAllIdempotent();

    private final int producers;
    private final Goal goal;

    DurabilityCase(int producers, Goal goal) {
        this.producers = producers;
        this.goal = goal;
    }

    @Override
    public String id() {
        return "durability." + producers + (producers == 1 ? "-producer" : "-producers");
    }

    @Override
    public String title() {
        return String.format("durability: flush sync vs async, %d kafka-clients producer(s) share %,d × %d B, %s",
                producers, Sizes.DURABILITY_RECORDS, Sizes.SMALL_SIZE, SETTINGS.describe());
    }

    @Override
    public CaseResult run(CaseContext context) throws Exception {
        BrokerLauncher ours = MqBrokerProcess.launcher(FlushMode.SYNC);
        BrokerLauncher theirs = MqBrokerProcess.launcher(FlushMode.ASYNC);
        try (Brokers brokers = Brokers.start(context, ours, theirs)) {
            SideBySide.Runs runs = SideBySide.run(context, side(context, brokers.get(0)),
                    side(context, brokers.get(1)));
            return new CaseResult(id(), title(), ours.name(), theirs.name(), runs.ours(), runs.theirs(),
                    MetricGoal.throughput(goal, Goal.none()), context.notes(), Optional.empty());
        }
    }

    private Side side(CaseContext context, BrokerUnderTest broker) {
        return Side.of(broker.name(), (name, warmUp) -> {
            String topic = "durability-" + name;
            Topics.create(broker.bootstrapServers(), topic);
            long records = Sizes.warmupRun(context.scaled(Sizes.DURABILITY_RECORDS), warmUp);
            WorkerResult result = context.runWorker(new WorkloadSpec(WorkloadSpec.Kind.PRODUCE,
                    KafkaClientsEngine.NAME, broker.bootstrapServers(), topic, records, Sizes.SMALL_SIZE, SETTINGS,
                    producers, 0, Sizes.PHASE_BOUND, Sizes.inWorkerWarmup(records)));
            return Measurement.builder()
                    .throughput(result.records(), result.payloadBytes(), result.elapsedNanos())
                    .usage(BrokerUsage.during(broker, result), result.records())
                    .build();
        });
    }
}

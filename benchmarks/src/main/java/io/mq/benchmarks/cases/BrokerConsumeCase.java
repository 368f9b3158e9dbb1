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
 * Brokers, consume: each broker first gets a topic of 2,000,000 × 100 B (kafka-clients, acks=1); then every run
 * reads it from the start with a fresh kafka-clients consumer (no group) in a worker JVM. The data is in the page
 * cache for both brokers. The process under test is the broker.
 */
final class BrokerConsumeCase implements BenchmarkCase {

    private static final String TOPIC = "consume";

    @Override
    public String id() {
        return "broker.consume-100b";
    }

    @Override
    public String title() {
        return String.format("brokers: kafka-clients consumer reads %,d × %d B from the start", Sizes.SMALL_RECORDS,
                Sizes.SMALL_SIZE);
    }

    @Override
    public CaseResult run(CaseContext context) throws Exception {
        BrokerLauncher ours = MqBrokerProcess.launcher(FlushMode.ASYNC);
        BrokerLauncher theirs = KafkaBrokerProcess.launcher();
        long records = context.scaled(Sizes.SMALL_RECORDS);
        try (Brokers brokers = Brokers.start(context, ours, theirs)) {
            for (int i = 0; i < 2; i++) {
                preload(context, brokers.get(i), records);
            }
            SideBySide.Runs runs = SideBySide.run(context, side(context, brokers.get(0), records),
                    side(context, brokers.get(1), records));
            return new CaseResult(id(), title(), ours.name(), theirs.name(), runs.ours(), runs.theirs(),
                    MetricGoal.throughput(Goal.ratioAtLeast(1.0), Goal.none()), context.notes(), Optional.empty());
        }
    }

    private static void preload(CaseContext context, BrokerUnderTest broker, long records) throws Exception {
        Topics.create(broker.bootstrapServers(), TOPIC);
        long begin = System.nanoTime();
        context.runWorker(new WorkloadSpec(WorkloadSpec.Kind.PRODUCE, KafkaClientsEngine.NAME,
                broker.bootstrapServers(), TOPIC, records, Sizes.SMALL_SIZE, ProducerSettings.acksOne(), 1, 0,
                Sizes.PRELOAD_BOUND, 0));
        context.log(String.format("  preloaded %,d records into %s in %d ms", records, broker.name(),
                (System.nanoTime() - begin) / 1_000_000));
    }

    private static Side side(CaseContext context, BrokerUnderTest broker, long records) {
        return Side.of(broker.name(), (name, warmUp) -> {
            WorkerResult result = context.runWorker(new WorkloadSpec(WorkloadSpec.Kind.CONSUME,
                    KafkaClientsEngine.NAME, broker.bootstrapServers(), TOPIC, records, Sizes.SMALL_SIZE,
                    ProducerSettings.acksOne(), 1, 0, Sizes.PHASE_BOUND, Sizes.inWorkerWarmup(records)));
            return Measurement.builder()
                    .throughput(result.records(), result.payloadBytes(), result.elapsedNanos())
                    .usage(BrokerUsage.during(broker, result), result.records())
                    .build();
        });
    }
}

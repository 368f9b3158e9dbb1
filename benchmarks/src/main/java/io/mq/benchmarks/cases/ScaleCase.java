package io.mq.benchmarks.cases;

import io.mq.benchmarks.measure.Measurement;
import io.mq.benchmarks.measure.Metric;
import io.mq.benchmarks.process.BrokerLauncher;
import io.mq.benchmarks.process.BrokerUnderTest;
import io.mq.benchmarks.process.MqBrokerProcess;
import io.mq.benchmarks.producer.ProducerEngine;
import io.mq.benchmarks.producer.ProducerEngines;
import io.mq.benchmarks.producer.ProducerSettings;
import io.mq.benchmarks.report.CaseResult;
import io.mq.benchmarks.report.CaseResult.MetricGoal;
import io.mq.benchmarks.report.Goal;
import io.mq.benchmarks.worker.WorkerResult;
import io.mq.benchmarks.worker.WorkloadSpec;
import io.mq.broker.storage.FlushMode;
import java.util.List;
import java.util.Optional;

/**
 * Scale: 1, 10 or 100 producers open in one worker JVM, each having sent 10 records to our broker; heap in use after
 * a full GC and live threads, ours against kafka-clients.
 */
final class ScaleCase implements BenchmarkCase {

    private final int producers;
    private final Goal heapGoal;

    /** @param heapGoal the goal for heap after GC (the issue sets one for 100 producers only) */
    ScaleCase(int producers, Goal heapGoal) {
        this.producers = producers;
        this.heapGoal = heapGoal;
    }

    @Override
    public String id() {
        return "scale." + producers + (producers == 1 ? "-producer" : "-producers");
    }

    @Override
    public String title() {
        return "scale: " + producers + " producer(s) in one JVM, each sent " + Sizes.SCALE_RECORDS_PER_PRODUCER
                + " records; heap after full GC and threads";
    }

    @Override
    public CaseResult run(CaseContext context) throws Exception {
        BrokerLauncher broker = MqBrokerProcess.launcher(FlushMode.ASYNC);
        try (Brokers brokers = Brokers.start(context, broker)) {
            BrokerUnderTest target = brokers.get(0);
            SideBySide.Runs runs = SideBySide.run(context, side(context, ProducerEngines.MQ, target),
                    side(context, ProducerEngines.KAFKA_CLIENTS, target));
            return new CaseResult(id(), title(), ProducerEngines.MQ.name(), ProducerEngines.KAFKA_CLIENTS.name(),
                    runs.ours(), runs.theirs(), List.of(
                            new MetricGoal(Metric.HEAP_AFTER_GC_MIB, heapGoal),
                            new MetricGoal(Metric.LIVE_THREADS,
                                    Goal.described("ours constant across scale.1/10/100"))),
                    context.notes(), Optional.empty());
        }
    }

    private Side side(CaseContext context, ProducerEngine engine, BrokerUnderTest target) {
        return new Side(engine.name(), engine.unavailableReason(), (name, warmUp) -> {
            String topic = "scale-" + engine.name() + "-" + name;
            Topics.create(target.bootstrapServers(), topic);
            WorkerResult result = context.runWorker(new WorkloadSpec(WorkloadSpec.Kind.SCALE, engine.name(),
                    target.bootstrapServers(), topic, Sizes.SCALE_RECORDS_PER_PRODUCER, Sizes.SMALL_SIZE,
                    ProducerSettings.acksOne(), producers, 0, Sizes.PHASE_BOUND, 0));
            return Measurement.builder()
                    .put(Metric.HEAP_AFTER_GC_MIB, result.heapAfterGcBytes() / 1048576.0)
                    .put(Metric.LIVE_THREADS, result.liveThreads())
                    .build();
        });
    }
}

package io.mq.benchmarks.worker;

import io.mq.benchmarks.measure.Latencies;
import io.mq.benchmarks.producer.ProducerEngines;
import io.mq.benchmarks.producer.ProducerUnderTest;

/**
 * One synchronous send at a time, with the engine's own synchronous call (send, wait for its acknowledgement, repeat),
 * for {@code maxDuration}.
 */
final class SyncSendWorkload implements Workload {

    @Override
    public WorkerResult run(WorkloadSpec spec) throws Exception {
        try (ProducerUnderTest producer = ProducerEngines.byName(spec.engine())
                .create(spec.bootstrap(), spec.producer())) {
            byte[] value = Payloads.random(spec.recordSize());
            long warmupDeadline = System.nanoTime() + spec.maxDuration().toNanos();
            for (long i = 0; i < spec.warmupRecords() && System.nanoTime() < warmupDeadline; i++) {
                producer.sendSync(spec.topic(), value);
            }
            Latencies latencies = new Latencies(100_000);
            MeasuredPhase phase = new MeasuredPhase();
            phase.start();
            long end = System.nanoTime() + spec.maxDuration().toNanos();
            long sends = 0;
            while (sends < spec.records() && System.nanoTime() < end) {
                long started = System.nanoTime();
                producer.sendSync(spec.topic(), value);
                latencies.record(System.nanoTime() - started);
                sends++;
            }
            phase.end();
            return phase.result(sends, sends * spec.recordSize(), latencies, 0, false);
        }
    }
}

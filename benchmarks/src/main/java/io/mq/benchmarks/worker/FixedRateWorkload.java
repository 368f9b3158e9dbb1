package io.mq.benchmarks.worker;

import io.mq.benchmarks.measure.Latencies;
import io.mq.benchmarks.producer.ProducerEngines;
import io.mq.benchmarks.producer.ProducerUnderTest;

/**
 * Sends at a fixed rate from one producer; each record's latency runs from its scheduled send time (not the actual
 * one, so a stalled sender cannot hide its backlog) to its acknowledgement.
 */
final class FixedRateWorkload implements Workload {

    private static final long COMPLETION_GRACE_MS = 60_000;

    @Override
    public WorkerResult run(WorkloadSpec spec) throws Exception {
        try (ProducerUnderTest producer = ProducerEngines.byName(spec.engine())
                .create(spec.bootstrap(), spec.producer())) {
            byte[] value = Payloads.random(spec.recordSize());
            sendAtRate(producer, spec, value, (int) spec.warmupRecords(), new long[(int) spec.warmupRecords()]);
            long[] latencies = new long[(int) spec.records()];
            MeasuredPhase phase = new MeasuredPhase();
            phase.start();
            Run run = sendAtRate(producer, spec, value, latencies.length, latencies);
            phase.end();
            return phase.result(run.counter.acknowledged(), run.counter.acknowledged() * spec.recordSize(),
                    Latencies.of(latencies, run.sent), run.counter.failed(), run.sent < latencies.length);
        }
    }

    private static Run sendAtRate(ProducerUnderTest producer, WorkloadSpec spec, byte[] value, int records,
            long[] latencies) throws InterruptedException {
        SendCounter counter = new SendCounter();
        double intervalNanos = 1e9 / spec.ratePerSecond();
        long start = System.nanoTime();
        long deadline = start + spec.maxDuration().toNanos();
        int sent = 0;
        for (int i = 0; i < records; i++) {
            long scheduled = start + (long) (i * intervalNanos);
            Payloads.paceUntil(scheduled);
            if (System.nanoTime() > deadline) {
                break;
            }
            int index = i;
            producer.send(spec.topic(), value, error -> {
                latencies[index] = System.nanoTime() - scheduled;
                counter.completed(error);
            });
            sent++;
        }
        producer.flush();
        counter.awaitCompleted(sent, COMPLETION_GRACE_MS);
        return new Run(counter, sent);
    }

    private record Run(SendCounter counter, int sent) {
    }
}

package io.mq.benchmarks.worker;

import io.mq.benchmarks.measure.Latencies;
import io.mq.benchmarks.producer.ProducerEngines;
import io.mq.benchmarks.producer.ProducerUnderTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One synchronous send at a time (send, wait for its acknowledgement, repeat) for {@code maxDuration}. */
final class SyncSendWorkload implements Workload {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    @Override
    public WorkerResult run(WorkloadSpec spec) throws Exception {
        try (ProducerUnderTest producer = ProducerEngines.byName(spec.engine())
                .create(spec.bootstrap(), spec.producer())) {
            byte[] value = Payloads.random(spec.recordSize());
            long warmupDeadline = System.nanoTime() + spec.maxDuration().toNanos();
            for (long i = 0; i < spec.warmupRecords() && System.nanoTime() < warmupDeadline; i++) {
                sendAndWait(producer, spec.topic(), value);
            }
            Latencies latencies = new Latencies(100_000);
            MeasuredPhase phase = new MeasuredPhase();
            phase.start();
            long end = System.nanoTime() + spec.maxDuration().toNanos();
            long sends = 0;
            while (sends < spec.records() && System.nanoTime() < end) {
                long started = System.nanoTime();
                sendAndWait(producer, spec.topic(), value);
                latencies.record(System.nanoTime() - started);
                sends++;
            }
            phase.end();
            return phase.result(sends, sends * spec.recordSize(), latencies, 0, false);
        }
    }

    private static void sendAndWait(ProducerUnderTest producer, String topic, byte[] value) throws Exception {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        producer.send(topic, value, error -> {
            if (error == null) {
                acked.complete(null);
            } else {
                acked.completeExceptionally(error);
            }
        });
        acked.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}

package io.mq.benchmarks.worker;

import io.mq.benchmarks.producer.ProducerEngine;
import io.mq.benchmarks.producer.ProducerEngines;
import io.mq.benchmarks.producer.ProducerUnderTest;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens {@code producers} producers in this JVM, has each send {@code records} records and flush (so every one has
 * its connections and metadata), then reports the heap in use after a full GC and the live threads while all are
 * open.
 */
final class ScaleWorkload implements Workload {

    private static final long COMPLETION_GRACE_MS = 60_000;

    @Override
    public WorkerResult run(WorkloadSpec spec) throws Exception {
        ProducerEngine engine = ProducerEngines.byName(spec.engine());
        byte[] value = Payloads.random(spec.recordSize());
        List<ProducerUnderTest> producers = new ArrayList<>();
        MeasuredPhase phase = new MeasuredPhase();
        SendCounter counter = new SendCounter();
        try {
            phase.start();
            for (int i = 0; i < spec.producers(); i++) {
                ProducerUnderTest producer = engine.create(spec.bootstrap(), spec.producer());
                producers.add(producer);
                for (long r = 0; r < spec.records(); r++) {
                    producer.send(spec.topic(), value, counter);
                }
            }
            producers.forEach(ProducerUnderTest::flush);
            counter.awaitCompleted(spec.producers() * spec.records(), COMPLETION_GRACE_MS);
            phase.end();
            System.gc();
            System.gc();
            Thread.sleep(200);
            long heapAfterGc = phase.usage().heapUsedBytes();
            int threads = phase.usage().liveThreads();
            long acked = counter.acknowledged();
            return phase.result(acked, acked * spec.recordSize(), null, counter.failed(), false, heapAfterGc,
                    threads);
        } finally {
            producers.forEach(ProducerUnderTest::close);
        }
    }
}

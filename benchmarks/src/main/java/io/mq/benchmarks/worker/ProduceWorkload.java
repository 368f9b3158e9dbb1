package io.mq.benchmarks.worker;

import io.mq.benchmarks.producer.ProducerEngine;
import io.mq.benchmarks.producer.ProducerEngines;
import io.mq.benchmarks.producer.ProducerUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Unthrottled asynchronous sends: {@code producers} producers, one thread each, share the record count, then flush.
 * The phase ends when every send has completed; sending stops early at {@code maxDuration}.
 */
final class ProduceWorkload implements Workload {

    private static final long COMPLETION_GRACE_MS = 60_000;

    @Override
    public WorkerResult run(WorkloadSpec spec) throws Exception {
        ProducerEngine engine = ProducerEngines.byName(spec.engine());
        List<ProducerUnderTest> producers = new ArrayList<>();
        try {
            for (int i = 0; i < spec.producers(); i++) {
                producers.add(engine.create(spec.bootstrap(), spec.producer()));
            }
            byte[] value = Payloads.random(spec.recordSize());
            Outcome warmup = sendConcurrently(producers, spec, value, spec.warmupRecords());
            if (warmup.counter.failed() > 0) {
                throw new IllegalStateException(warmup.counter.failed() + " warm-up sends failed");
            }
            MeasuredPhase phase = new MeasuredPhase();
            phase.start();
            Outcome measured = sendConcurrently(producers, spec, value, spec.records());
            phase.end();
            long acked = measured.counter.acknowledged();
            return phase.result(acked, acked * spec.recordSize(), null, measured.counter.failed(),
                    measured.truncated.get());
        } finally {
            producers.forEach(ProducerUnderTest::close);
        }
    }

    private static Outcome sendConcurrently(List<ProducerUnderTest> producers, WorkloadSpec spec, byte[] value,
            long records) throws InterruptedException {
        Outcome outcome = new Outcome();
        long deadline = System.nanoTime() + spec.maxDuration().toNanos();
        long share = records / producers.size();
        long[] sent = new long[producers.size()];
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers.size(); p++) {
            ProducerUnderTest producer = producers.get(p);
            long count = share + (p == 0 ? records % producers.size() : 0);
            int index = p;
            Thread thread = new Thread(() -> {
                for (long i = 0; i < count; i++) {
                    if ((i & 1023) == 0 && System.nanoTime() > deadline) {
                        outcome.truncated.set(true);
                        break;
                    }
                    producer.send(spec.topic(), value, outcome.counter);
                    sent[index]++;
                }
                producer.flush();
            }, "sender-" + p);
            thread.setUncaughtExceptionHandler((t, e) -> outcome.senderFailure.compareAndSet(null, e));
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        if (outcome.senderFailure.get() != null) {
            throw new IllegalStateException("a sending thread failed", outcome.senderFailure.get());
        }
        long total = 0;
        for (long s : sent) {
            total += s;
        }
        outcome.counter.awaitCompleted(total, COMPLETION_GRACE_MS);
        return outcome;
    }

    private static final class Outcome {
        final SendCounter counter = new SendCounter();
        final AtomicBoolean truncated = new AtomicBoolean();
        final AtomicReference<Throwable> senderFailure = new AtomicReference<>();
    }
}

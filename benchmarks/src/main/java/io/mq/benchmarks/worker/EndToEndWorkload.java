package io.mq.benchmarks.worker;

import io.mq.benchmarks.measure.Latencies;
import io.mq.benchmarks.producer.ProducerEngines;
import io.mq.benchmarks.producer.ProducerUnderTest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Sends at a fixed rate while a kafka-clients consumer in the same JVM polls the topic from its end. Each value
 * carries its sequence number and scheduled send time; latency runs from that time to the poll that returned the
 * record. The first {@code warmupRecords} (by sequence) are not counted.
 */
final class EndToEndWorkload implements Workload {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final long TAIL_MILLIS = 30_000;

    @Override
    public WorkerResult run(WorkloadSpec spec) throws Exception {
        long warmup = spec.warmupRecords();
        long total = warmup + spec.records();
        Latencies latencies = new Latencies((int) spec.records());
        AtomicLong measuredBytes = new AtomicLong();
        AtomicReference<Throwable> consumerFailure = new AtomicReference<>();
        CountDownLatch assigned = new CountDownLatch(1);
        CountDownLatch allRead = new CountDownLatch(1);
        long readDeadline = System.nanoTime() + spec.maxDuration().toNanos() * 2 + TAIL_MILLIS * 1_000_000;
        Thread consumerThread = new Thread(() -> {
            try (KafkaConsumer<byte[], byte[]> consumer = KafkaConsumers.assignedTo(spec.bootstrap(), spec.topic())) {
                consumer.seekToEnd(consumer.assignment());
                consumer.assignment().forEach(consumer::position);
                assigned.countDown();
                long seen = 0;
                while (seen < total && System.nanoTime() < readDeadline) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        long now = System.nanoTime();
                        byte[] value = record.value();
                        if (Payloads.getLong(value, 0) >= warmup) {
                            latencies.record(now - Payloads.getLong(value, 8));
                            measuredBytes.addAndGet(value.length);
                        }
                        seen++;
                    }
                }
            } catch (Throwable e) {
                consumerFailure.set(e);
            } finally {
                assigned.countDown();
                allRead.countDown();
            }
        }, "e2e-consumer");
        consumerThread.start();
        assigned.await();

        MeasuredPhase phase = new MeasuredPhase();
        SendCounter counter = new SendCounter();
        try (ProducerUnderTest producer = ProducerEngines.byName(spec.engine())
                .create(spec.bootstrap(), spec.producer())) {
            double intervalNanos = 1e9 / spec.ratePerSecond();
            long start = System.nanoTime();
            long sendDeadline = start + spec.maxDuration().toNanos() * 2;
            long sent = 0;
            for (long seq = 0; seq < total && System.nanoTime() < sendDeadline; seq++) {
                if (seq == warmup) {
                    phase.start();
                }
                long scheduled = start + (long) (seq * intervalNanos);
                Payloads.paceUntil(scheduled);
                byte[] value = Payloads.random(spec.recordSize());
                Payloads.putLong(value, 0, seq);
                Payloads.putLong(value, 8, scheduled);
                producer.send(spec.topic(), value, counter);
                sent++;
            }
            producer.flush();
            counter.awaitCompleted(sent, TAIL_MILLIS);
            allRead.await();
            phase.end();
        }
        consumerThread.join();
        if (consumerFailure.get() != null) {
            throw new IllegalStateException("the consumer failed", consumerFailure.get());
        }
        return phase.result(latencies.count(), measuredBytes.get(), latencies, counter.failed(),
                latencies.count() < spec.records());
    }
}

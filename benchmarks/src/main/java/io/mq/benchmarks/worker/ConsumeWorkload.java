package io.mq.benchmarks.worker;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic from its start to the end offsets seen when the run began. The first {@code warmupRecords} are read
 * untimed; the measured phase covers the rest.
 */
final class ConsumeWorkload implements Workload {

    private static final Duration POLL = Duration.ofMillis(100);

    @Override
    public WorkerResult run(WorkloadSpec spec) {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaConsumers.assignedTo(spec.bootstrap(), spec.topic())) {
            consumer.seekToBeginning(consumer.assignment());
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(consumer.assignment());
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            long total = end.entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
            long deadline = System.nanoTime() + spec.maxDuration().toNanos();
            long read = 0;
            while (read < Math.min(spec.warmupRecords(), total) && System.nanoTime() < deadline) {
                read += consumer.poll(POLL).count();
            }
            MeasuredPhase phase = new MeasuredPhase();
            phase.start();
            long measured = 0;
            long bytes = 0;
            while (read + measured < total && System.nanoTime() < deadline) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    bytes += record.serializedValueSize();
                }
                measured += records.count();
            }
            phase.end();
            return phase.result(measured, bytes, null, 0, read + measured < total);
        }
    }
}

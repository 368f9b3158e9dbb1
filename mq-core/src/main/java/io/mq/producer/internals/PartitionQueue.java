package io.mq.producer.internals;

import io.mq.metadata.TopicPartition;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One partition's batches, oldest first; the last may be open for appends. Guarded by synchronizing on the queue
 * itself, which appends, drains and re-enqueues hold only briefly.
 */
final class PartitionQueue {

    final TopicPartition topicPartition;
    /** Guarded by {@code this}. */
    final ArrayDeque<ProducerBatch> batches = new ArrayDeque<>();
    /** Batches closed to appends so far; written under the lock, read without it by sticky partitioners. */
    volatile long completedBatches;
    /** Batches drained and neither completed nor re-enqueued. */
    final AtomicInteger inFlight = new AtomicInteger();
    /** The order in which batches were first drained, for putting retries back in order; guarded by {@code this}. */
    long nextDrainOrder;

    PartitionQueue(TopicPartition topicPartition) {
        this.topicPartition = topicPartition;
    }

    /** Seals the open batch {@code batch}, counting it as completed; caller holds the lock. */
    void seal(ProducerBatch batch) {
        if (batch.seal()) {
            completedBatches++;
        }
    }

    /** Puts a retried batch back before every batch drained after it and every batch never drained. */
    void insertRetry(ProducerBatch batch) {
        if (batches.isEmpty() || isBefore(batch, batches.peekFirst())) {
            batches.addFirst(batch);
            return;
        }
        ArrayDeque<ProducerBatch> ahead = new ArrayDeque<>();
        while (!batches.isEmpty() && !isBefore(batch, batches.peekFirst())) {
            ahead.addLast(batches.pollFirst());
        }
        batches.addFirst(batch);
        while (!ahead.isEmpty()) {
            batches.addFirst(ahead.pollLast());
        }
    }

    private static boolean isBefore(ProducerBatch retry, ProducerBatch queued) {
        return queued.drainOrder() < 0 || retry.drainOrder() < queued.drainOrder();
    }
}

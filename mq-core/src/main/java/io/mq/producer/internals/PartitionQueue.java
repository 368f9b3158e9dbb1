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
    /** The size the last batch closed to appends reached, 0 before the first; guarded by {@code this}. */
    private int lastBatchBytes;

    PartitionQueue(TopicPartition topicPartition) {
        this.topicPartition = topicPartition;
    }

    /** Seals the open batch {@code batch}, counting it as completed; caller holds the lock. */
    void seal(ProducerBatch batch) {
        if (batch.seal()) {
            closed(batch);
        }
    }

    /** Counts {@code batch}, just closed to appends (sealed, or drained while open); caller holds the lock. */
    void closed(ProducerBatch batch) {
        completedBatches++;
        lastBatchBytes = batch.sizeInBytes();
    }

    /** How large a new batch's buffer should start ({@link #initialBatchCapacity(int, int, int)}); caller holds the lock. */
    int initialBatchCapacity(int minimum, int batchSize) {
        return initialBatchCapacity(lastBatchBytes, minimum, batchSize);
    }

    /**
     * How large a new batch's buffer should start: the power of two that holds the last closed batch (so a partition
     * whose batches carry a record or two does not allocate full-size buffers), at least {@code minimum}, at most
     * {@code batchSize}; the batch size itself before any batch closed ({@code lastBatchBytes} 0).
     */
    static int initialBatchCapacity(int lastBatchBytes, int minimum, int batchSize) {
        if (lastBatchBytes == 0) {
            return batchSize;
        }
        int holdsLast = lastBatchBytes <= 1 ? 1 : Integer.highestOneBit(lastBatchBytes - 1) << 1;
        return Math.min(batchSize, Math.max(minimum, holdsLast));
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

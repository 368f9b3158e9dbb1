package io.mq.broker.storage;

import io.mq.protocol.Errors;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Idempotent-producer state of one partition: per producer id the epoch and the last
 * {@value #CACHED_BATCHES} batches, enough to recognise a retried batch and to reject out-of-order or fenced
 * ones. Not thread-safe: the store uses it under its append lock.
 */
final class ProducerStateTable {

    static final int CACHED_BATCHES = 5;

    /**
     * An appended idempotent batch.
     *
     * @param endPosition commit-log position just past the entry, to know when a duplicate's original is durable
     */
    record BatchMetadata(int firstSequence, int lastSequence, long baseOffset, long lastOffset, long endPosition) {
    }

    /** Outcome of {@link #check}: append when the error is NONE and there is no duplicate. */
    record Verdict(Errors error, BatchMetadata duplicate) {
        static final Verdict APPEND = new Verdict(Errors.NONE, null);
    }

    private static final class Producer {
        private short epoch;
        private final ArrayDeque<BatchMetadata> batches = new ArrayDeque<>(CACHED_BATCHES + 1);
    }

    private final Map<Long, Producer> producers = new HashMap<>();

    /** Decides what to do with a batch of {@code producerId}/{@code epoch} holding sequences first..last. */
    Verdict check(long producerId, short epoch, int firstSequence, int lastSequence) {
        Producer producer = producers.get(producerId);
        if (producer == null) {
            return Verdict.APPEND;
        }
        if (epoch < producer.epoch) {
            return new Verdict(Errors.INVALID_PRODUCER_EPOCH, null);
        }
        if (epoch > producer.epoch) {
            return firstSequence == 0 ? Verdict.APPEND : new Verdict(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, null);
        }
        for (BatchMetadata batch : producer.batches) {
            if (batch.firstSequence() == firstSequence && batch.lastSequence() == lastSequence) {
                return new Verdict(Errors.NONE, batch);
            }
        }
        int expected = nextSequence(producer.batches.getLast().lastSequence());
        return firstSequence == expected ? Verdict.APPEND : new Verdict(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, null);
    }

    private static int nextSequence(int sequence) {
        return sequence == Integer.MAX_VALUE ? 0 : sequence + 1;
    }

    /** Records an appended batch; a new epoch replaces the producer's cached batches. */
    void record(long producerId, short epoch, BatchMetadata batch) {
        Producer producer = producers.computeIfAbsent(producerId, id -> new Producer());
        if (producer.epoch != epoch) {
            producer.epoch = epoch;
            producer.batches.clear();
        }
        producer.batches.addLast(batch);
        if (producer.batches.size() > CACHED_BATCHES) {
            producer.batches.removeFirst();
        }
    }

    /** Forgets producers whose last batch lies entirely before {@code logStartOffset}. */
    void evictBefore(long logStartOffset) {
        producers.values().removeIf(producer -> producer.batches.getLast().lastOffset() < logStartOffset);
    }

    int producerCount() {
        return producers.size();
    }

    ProducerStateTable copy() {
        ProducerStateTable copy = new ProducerStateTable();
        producers.forEach((id, producer) -> {
            Producer clone = new Producer();
            clone.epoch = producer.epoch;
            clone.batches.addAll(producer.batches);
            copy.producers.put(id, clone);
        });
        return copy;
    }

    /** Writes a snapshot; batches read back count as durable (end position 0). */
    void writeTo(DataOutput out) throws IOException {
        out.writeInt(producers.size());
        for (Map.Entry<Long, Producer> entry : producers.entrySet()) {
            out.writeLong(entry.getKey());
            out.writeShort(entry.getValue().epoch);
            out.writeByte(entry.getValue().batches.size());
            for (BatchMetadata batch : entry.getValue().batches) {
                out.writeInt(batch.firstSequence());
                out.writeInt(batch.lastSequence());
                out.writeLong(batch.baseOffset());
                out.writeLong(batch.lastOffset());
            }
        }
    }

    static ProducerStateTable readFrom(DataInput in) throws IOException {
        ProducerStateTable table = new ProducerStateTable();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            long producerId = in.readLong();
            short epoch = in.readShort();
            int batches = in.readUnsignedByte();
            for (int b = 0; b < batches; b++) {
                table.record(producerId, epoch,
                        new BatchMetadata(in.readInt(), in.readInt(), in.readLong(), in.readLong(), 0));
            }
        }
        return table;
    }
}

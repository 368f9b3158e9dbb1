package io.mq.producer.internals;

import io.mq.metadata.TopicPartition;
import io.mq.protocol.Errors;
import io.mq.protocol.record.RecordBatch;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The idempotent producer's state: its producer id and epoch, the next sequence of each partition, and the base
 * sequences sent but not yet resolved (in order), so a retried batch goes out again only when it is the oldest
 * unresolved one. Sequences wrap to 0 after {@link Integer#MAX_VALUE}, as the broker expects.
 *
 * <p>The producer never gets stuck on a sequence gap: an OUT_OF_ORDER_SEQUENCE_NUMBER or UNKNOWN_PRODUCER_ID for the
 * oldest unresolved batch, or a batch given up with its sequence assigned, requires an epoch bump. While one is
 * pending nothing is drained; once no request is in flight the sender calls {@link #bumpEpoch()}, which starts every
 * partition again at sequence 0 under the next epoch (batches stamped with the old epoch get new sequences when
 * drained). When the epoch is exhausted, or the broker rejects the producer id, a new id is required: the sender asks
 * the broker (InitProducerId) and calls {@link #initialize}.
 *
 * <p>Used from the sender thread; methods are synchronized so metrics and tests may read it from elsewhere.
 */
public final class IdempotenceState {

    /** What the sender should do with a batch a broker rejected. */
    public enum ErrorAction {
        /** Send the batch again (under a new epoch first, if one is now required). */
        RETRY,
        /** Fail the batch; its sequence was released and an epoch bump requested. */
        FAIL,
        /** The broker already has the batch: complete it successfully, offsets unknown. */
        DUPLICATE
    }

    private final Map<TopicPartition, PartitionSequences> partitions = new HashMap<>();
    private long producerId = RecordBatch.NO_PRODUCER_ID;
    private short epoch = RecordBatch.NO_PRODUCER_EPOCH;
    private boolean epochBumpRequired;
    private boolean producerIdRequired = true;
    /** Whether batches may be drained: a producer id is known and no bump or new id is pending. */
    private volatile boolean sendable;

    /** Starts over with a producer id and epoch from InitProducerId: every partition restarts at sequence 0. */
    public synchronized void initialize(long producerId, short epoch) {
        if (producerId < 0 || epoch < 0) {
            throw new IllegalArgumentException("invalid producer id " + producerId + " / epoch " + epoch);
        }
        this.producerId = producerId;
        this.epoch = epoch;
        partitions.clear();
        epochBumpRequired = false;
        producerIdRequired = false;
        updateSendable();
    }

    /** The producer id, or {@link RecordBatch#NO_PRODUCER_ID} before the first {@link #initialize}. */
    public synchronized long producerId() {
        return producerId;
    }

    /** The current epoch. */
    public synchronized short epoch() {
        return epoch;
    }

    /** Whether batches may be drained now (a producer id is known and no bump or new id is pending). */
    public boolean isSendable() {
        return sendable;
    }

    /** Whether the sender must call {@link #bumpEpoch()} once nothing is in flight. */
    public synchronized boolean epochBumpRequired() {
        return epochBumpRequired;
    }

    /** Whether the sender must get a producer id from the broker and call {@link #initialize}. */
    public synchronized boolean producerIdRequired() {
        return producerIdRequired;
    }

    /**
     * Assigns the base sequence of a batch about to be sent for the first time in this epoch and tracks it as
     * unresolved.
     */
    public synchronized int assignSequence(TopicPartition partition, int recordCount) {
        if (recordCount <= 0) {
            throw new IllegalArgumentException("recordCount must be > 0, was " + recordCount);
        }
        PartitionSequences sequences = partitions.computeIfAbsent(partition, p -> new PartitionSequences());
        int base = sequences.next;
        sequences.next = incrementSequence(base, recordCount);
        sequences.unresolved.addLast(base);
        return base;
    }

    /** The next sequence {@code partition} would get. */
    public synchronized int nextSequence(TopicPartition partition) {
        PartitionSequences sequences = partitions.get(partition);
        return sequences == null ? 0 : sequences.next;
    }

    /** The oldest unresolved base sequence of {@code partition} in this epoch, or {@link RecordBatch#NO_SEQUENCE}. */
    public synchronized int firstUnresolvedSequence(TopicPartition partition) {
        PartitionSequences sequences = partitions.get(partition);
        Integer first = sequences == null ? null : sequences.unresolved.peekFirst();
        return first == null ? RecordBatch.NO_SEQUENCE : first;
    }

    /** Whether a batch stamped with {@code batchEpoch} and {@code baseSequence} may be sent now. */
    public synchronized boolean mayResend(TopicPartition partition, short batchEpoch, int baseSequence) {
        if (batchEpoch != epoch) {
            return true; // it will get a new sequence in this epoch
        }
        int first = firstUnresolvedSequence(partition);
        return first == RecordBatch.NO_SEQUENCE || first == baseSequence;
    }

    /** A broker stored the batch: its sequence is resolved. */
    public synchronized void onAcknowledged(TopicPartition partition, short batchEpoch, int baseSequence) {
        resolve(partition, batchEpoch, baseSequence);
    }

    /**
     * A broker rejected the batch with {@code error}; says what to do with it. Sequence errors on the oldest
     * unresolved batch require an epoch bump, producer-id errors a new producer id; both then retry. Other retriable
     * errors retry with the same sequence. Other errors fail the batch and require an epoch bump, since its sequence
     * leaves a gap.
     */
    public synchronized ErrorAction onError(TopicPartition partition, short batchEpoch, int baseSequence,
            Errors error) {
        switch (error) {
            case OUT_OF_ORDER_SEQUENCE_NUMBER, UNKNOWN_PRODUCER_ID -> {
                if (batchEpoch == epoch && firstUnresolvedSequence(partition) == baseSequence) {
                    requireEpochBump();
                }
                return ErrorAction.RETRY;
            }
            case INVALID_PRODUCER_EPOCH, PRODUCER_FENCED, INVALID_PRODUCER_ID_MAPPING -> {
                producerIdRequired = true;
                updateSendable();
                return ErrorAction.RETRY;
            }
            case DUPLICATE_SEQUENCE_NUMBER -> {
                resolve(partition, batchEpoch, baseSequence);
                return ErrorAction.DUPLICATE;
            }
            default -> {
                if (error.retriable()) {
                    return ErrorAction.RETRY;
                }
                onAbandoned(partition, batchEpoch, baseSequence);
                return ErrorAction.FAIL;
            }
        }
    }

    /**
     * The sender gave up on a batch that had a sequence (attempts or delivery time exhausted): the gap it leaves
     * requires an epoch bump.
     */
    public synchronized void onAbandoned(TopicPartition partition, short batchEpoch, int baseSequence) {
        if (batchEpoch == epoch && resolve(partition, batchEpoch, baseSequence)) {
            requireEpochBump();
        }
    }

    /**
     * Bumps the epoch locally and restarts every partition at sequence 0. Call with no produce request in flight.
     *
     * @return false if the epoch is exhausted: a new producer id is then required
     */
    public synchronized boolean bumpEpoch() {
        if (epoch == Short.MAX_VALUE) {
            producerIdRequired = true;
            updateSendable();
            return false;
        }
        epoch++;
        partitions.clear();
        epochBumpRequired = false;
        updateSendable();
        return true;
    }

    /** {@code sequence + increment}, wrapping to 0 after {@link Integer#MAX_VALUE}. */
    public static int incrementSequence(int sequence, int increment) {
        long next = (long) sequence + increment;
        return (int) (next > Integer.MAX_VALUE ? next - Integer.MAX_VALUE - 1 : next);
    }

    private void requireEpochBump() {
        epochBumpRequired = true;
        updateSendable();
    }

    private boolean resolve(TopicPartition partition, short batchEpoch, int baseSequence) {
        if (batchEpoch != epoch) {
            return false; // from an earlier epoch: nothing tracked
        }
        PartitionSequences sequences = partitions.get(partition);
        return sequences != null && sequences.unresolved.remove(baseSequence);
    }

    private void updateSendable() {
        sendable = !producerIdRequired && !epochBumpRequired;
    }

    /** One partition's next sequence and unresolved base sequences, oldest first. */
    private static final class PartitionSequences {
        int next;
        final ArrayDeque<Integer> unresolved = new ArrayDeque<>();
    }
}

package io.mq.broker.storage;

/**
 * A live partition in the store: its identity, its storage id (written in every entry header; never reused, so
 * entries of a deleted partition are recognisable), its index and its idempotent-producer state.
 */
final class PartitionLog {

    private final PartitionId id;
    private final long logId;
    private final PartitionIndex index;
    private final ProducerStateTable producers;
    private volatile boolean deleted;
    private boolean fenced;
    private long persistedEndOffset;
    private long indexFileEntries;

    /**
     * @param persistedEndOffset offset up to which the index file holds this partition's batches
     * @param indexFileEntries   entries in the index file (live or already trimmed by retention)
     */
    PartitionLog(PartitionId id, long logId, PartitionIndex index, ProducerStateTable producers,
            long persistedEndOffset, long indexFileEntries) {
        this.id = id;
        this.logId = logId;
        this.index = index;
        this.producers = producers;
        this.persistedEndOffset = persistedEndOffset;
        this.indexFileEntries = indexFileEntries;
    }

    /** A new partition with no data whose first offset will be {@code startOffset}. */
    static PartitionLog empty(PartitionId id, long logId, long startOffset) {
        return new PartitionLog(id, logId, new PartitionIndex(startOffset, startOffset), new ProducerStateTable(),
                startOffset, 0);
    }

    PartitionId id() {
        return id;
    }

    long logId() {
        return logId;
    }

    PartitionIndex index() {
        return index;
    }

    /** Guarded by the store's append lock. */
    ProducerStateTable producers() {
        return producers;
    }

    boolean isDeleted() {
        return deleted;
    }

    /** Set under the append lock so no append follows it. */
    void markDeleted() {
        deleted = true;
    }

    /** Whether appends are refused because another broker is taking the partition over. Guarded by the append lock. */
    boolean isFenced() {
        return fenced;
    }

    /** Guarded by the store's append lock. */
    void fenced(boolean fenced) {
        this.fenced = fenced;
    }

    /** Checkpointer bookkeeping. */
    long persistedEndOffset() {
        return persistedEndOffset;
    }

    long indexFileEntries() {
        return indexFileEntries;
    }

    void indexPersisted(long endOffset, long fileEntries) {
        this.persistedEndOffset = endOffset;
        this.indexFileEntries = fileEntries;
    }
}

package io.mq.producer.internals;

/** What an append means for the sender. */
public enum AppendResult {
    /** The record joined an open batch; nothing to do. */
    APPENDED,
    /** The record started a new batch: the sender should make sure it wakes when the batch's linger runs out. */
    NEW_BATCH,
    /** A batch became ready (it filled up, or holds a synchronous send): wake the sender now. */
    READY,
    /**
     * Only when asked to abort on a new batch: the partition's batch was full, so the record was not appended; the
     * batch is sealed (ready). Choose the partition again and append with abort off.
     */
    ABORTED_FOR_NEW_BATCH
}

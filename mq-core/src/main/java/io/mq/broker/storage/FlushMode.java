package io.mq.broker.storage;

/** When appended entries are forced to disk. */
public enum FlushMode {
    /**
     * Acknowledge after the write to the page cache; the flush thread forces every flush interval or when
     * enough bytes are dirty. A machine crash may lose the unflushed tail.
     */
    ASYNC,
    /**
     * Acknowledge after an fsync covering the entry (group commit: one fsync serves every entry appended
     * before it).
     */
    SYNC
}

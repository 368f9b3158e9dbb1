package io.mq.broker.storage;

/** When the commit log is forced to disk. */
public enum FlushMode {
    /**
     * Periodically, by interval and dirty bytes; appends are acknowledged once in the page cache, so a machine
     * crash may lose the unflushed tail.
     */
    ASYNC,
    /** Before acknowledging: one fsync (group commit) covers every entry appended before it. */
    SYNC
}
